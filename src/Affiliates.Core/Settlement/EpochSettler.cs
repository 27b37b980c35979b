using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Affiliates.Programs;
using Affiliates.Tiers;

namespace Affiliates.Settlement;

/// <summary>Settles one epoch of one registry: a pure, deterministic function of its <see cref="SettlementRequest"/>.</summary>
/// <remarks>
/// <para>
/// Tier: a revenue-share partner's tier for the epoch is decided at the END of the epoch, on the metric including the
/// epoch's own lines (lifetime revenue netted of clawbacks, or the epoch's referrals), and that tier's rate applies
/// to every line of the epoch. A partner who crosses 50 SOL during a week earns 30 % on that whole week. A sticky
/// ladder never returns a tier below the one held.
/// </para>
/// <para>
/// Commission per line is revenue × rate truncated toward zero; the protocol keeps the rest of each line. The balance
/// carry-in + earned is paid in full when it is positive and reaches the minimum payout; a positive balance below the
/// minimum is carried over (or swept as dust, see <see cref="DustRule"/>); a negative balance (clawbacks above
/// earnings) is carried over and nets future earnings, never paid.
/// </para>
/// <para>
/// A statement is written for every partner with lines, a non-zero carry-in, referrals or a closing; a partner with
/// none of these keeps its latest statement as its state. Lines are ordered by (time, event id ordinal, sequence),
/// statements and payouts by partner (ordinal), so the same input in any order gives byte-identical statements.
/// </para>
/// <para>
/// Work is done in passes over the lines in canonical order, each partner's lines and their hash encoding written
/// into contiguous ranges, so the string contents of a million lines are read in order rather than chased partner by
/// partner. Input already in canonical order (as stores return a ledger) is not sorted again.
/// </para>
/// </remarks>
public static class EpochSettler
{
    /// <summary>Line encodings above this many bytes are hashed statement by statement instead of from one buffer.</summary>
    private const long MaxBufferedBytes = 1 << 30;

    /// <summary>Settles <paramref name="request"/>.</summary>
    /// <exception cref="SettlementException">A line is from another registry, outside the epoch, in another asset or
    /// duplicated; a previous tier is not on the ladder; a referral count is negative.</exception>
    public static EpochSettlement Settle(SettlementRequest request) => Settle(request, MaxBufferedBytes);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // A settlement runs its loops once per epoch: too few calls for tiered JIT to reach full optimization.
    internal static EpochSettlement Settle(SettlementRequest request, long maxBufferedBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        SettlementLine[] lines = request.Lines as SettlementLine[] ?? [.. request.Lines];
        (Tally[] tallyOfLine, Dictionary<string, Tally> tallies, bool inCanonicalOrder) = Scan(request, lines);
        int[]? order = inCanonicalOrder ? null : CanonicalOrder(request.Epoch, lines);
        List<Tally> settled = Plan(request, tallies);

        int lineCount = 0;
        long byteCount = 0;
        foreach (Tally tally in settled)
        {
            tally.NextLine = lineCount;
            tally.NextByte = byteCount;
            lineCount += tally.Count;
            byteCount += tally.Bytes;
        }

        bool buffered = byteCount <= maxBufferedBytes;
        byte[] encoding = buffered ? ArrayPool<byte>.Shared.Rent((int)byteCount) : [];
        try
        {
            var allLines = new StatementLine[lineCount];
            for (int k = 0; k < lines.Length; k++)
            {
                int i = order is null ? k : order[k];
                SettlementLine line = lines[i];
                Tally tally = tallyOfLine[i];
                Amount commission = line.Amount.Times(tally.Rate);
                tally.Earned += commission;
                ref StatementLine target = ref allLines[tally.NextLine++];
                target = new StatementLine(line.EventId, line.Sequence, line.OccurredAt, line.Code, line.Amount, tally.Rate, commission);
                if (buffered)
                {
                    tally.NextByte += StatementHasher.WriteLine(encoding.AsSpan((int)tally.NextByte), target);
                }
            }

            return Close(request, settled, allLines, buffered ? encoding : null);
        }
        finally
        {
            if (buffered)
            {
                ArrayPool<byte>.Shared.Return(encoding);
            }
        }
    }

    /// <summary>Validates every line in input order, tallies lines, revenue and encoded bytes by partner, and notes whether the input is already in canonical order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // A settlement runs its loops once per epoch: too few calls for tiered JIT to reach full optimization.
    private static (Tally[] TallyOfLine, Dictionary<string, Tally> Tallies, bool InCanonicalOrder) Scan(SettlementRequest request, SettlementLine[] lines)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var tallyOfLine = new Tally[lines.Length];
        bool inCanonicalOrder = true;
        for (int i = 0; i < lines.Length; i++)
        {
            SettlementLine line = lines[i];
            Validate(request, line);
            ref Tally? tally = ref CollectionsMarshal.GetValueRefOrAddDefault(tallies, line.Partner, out _);
            tally ??= new Tally(line.Partner);
            tally.Count++;
            tally.Revenue += line.Amount;
            tally.Bytes += StatementHasher.LineLength(line.EventId, line.Code);
            tallyOfLine[i] = tally;
            if (inCanonicalOrder && i > 0)
            {
                int order = Compare(lines[i - 1], line);
                inCanonicalOrder = order < 0;
                ThrowIfDuplicate(order, line);
            }
        }

        return (tallyOfLine, tallies, inCanonicalOrder);
    }

    /// <summary>Returns the line indices in canonical order, refusing duplicates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // A settlement runs its loops once per epoch: too few calls for tiered JIT to reach full optimization.
    private static int[] CanonicalOrder(Epoch epoch, SettlementLine[] lines)
    {
        var keys = new LineKey[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            keys[i] = new LineKey((lines[i].OccurredAt - epoch.Start).ToInt64Nanoseconds(), lines[i].Sequence, i);
        }

        var comparer = new LineKeyOrder(lines);
        keys.AsSpan().Sort(comparer);
        int[] order = new int[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            if (k > 0)
            {
                ThrowIfDuplicate(comparer.Compare(keys[k - 1], keys[k]), lines[keys[k].Index]);
            }

            order[k] = keys[k].Index;
        }

        return order;
    }

    /// <summary>Picks the partners that get a statement, in partner order, with each one's tier and rate for the epoch.</summary>
    private static List<Tally> Plan(SettlementRequest request, Dictionary<string, Tally> tallies)
    {
        var partners = new HashSet<string>(tallies.Keys, StringComparer.Ordinal);
        partners.UnionWith(request.PreviousStates.Keys);
        partners.UnionWith(request.Referrals.Keys);
        partners.UnionWith(request.ClosingPartners);
        string[] ordered = [.. partners];
        Array.Sort(ordered, StringComparer.Ordinal);

        SettlementTerms terms = request.Terms;
        var settled = new List<Tally>(ordered.Length);
        foreach (string partner in ordered)
        {
            Tally tally = tallies.GetValueOrDefault(partner) ?? new Tally(partner);
            tally.Previous = request.PreviousStates.GetValueOrDefault(partner) ?? PartnerState.New;
            tally.Referrals = request.Referrals.GetValueOrDefault(partner);
            tally.Closing = request.ClosingPartners.Contains(partner);
            if (tally.Count == 0 && tally.Previous.CarryIn.IsZero && tally.Referrals == 0 && !tally.Closing)
            {
                continue;
            }

            if (tally.Referrals < 0)
            {
                throw new SettlementException(SettlementError.NegativeReferrals, partner, $"Partner '{partner}' has {tally.Referrals} referrals.");
            }

            Amount lifetime = tally.Previous.LifetimeRevenue + tally.Revenue;
            tally.Tier = terms.Kind == ProgramKind.RevenueShare
                ? AssignTier(terms, partner, tally.Previous.Tier, terms.TierMetric == TierMetric.LifetimeRevenue ? lifetime.Units : tally.Referrals)
                : null;
            tally.Rate = terms.Kind == ProgramKind.RevenueShare ? tally.Tier?.Rate ?? Rate.Zero : Rate.Full;
            settled.Add(tally);
        }

        return settled;
    }

    /// <summary>Closes each partner's balance into a statement, hashes it, and turns what is payable into a payout intent.</summary>
    private static EpochSettlement Close(SettlementRequest request, List<Tally> settled, StatementLine[] allLines, byte[]? encoding)
    {
        var writer = new CanonicalWriter();
        var statements = new List<EpochStatement>(settled.Count);
        var payouts = new List<PayoutIntent>();
        foreach (Tally tally in settled)
        {
            EpochStatement statement = Statement(request, tally, new ArraySegment<StatementLine>(allLines, tally.NextLine - tally.Count, tally.Count));
            if (encoding is null)
            {
                statement = statement with { Hash = StatementHasher.ComputeHash(writer, statement) };
            }
            else
            {
                writer.Reset();
                StatementHasher.WriteHeader(writer, statement);
                writer.WriteRaw(encoding.AsSpan((int)(tally.NextByte - tally.Bytes), (int)tally.Bytes));
                statement = statement with { Hash = writer.Sha256Hex() };
            }

            statements.Add(statement);
            if (statement.Payable.IsPositive)
            {
                payouts.Add(new PayoutIntent(
                    PayoutId.For(writer, request.RegistryId, request.Epoch.Id, tally.Partner, request.Terms.PayoutAsset),
                    request.RegistryId,
                    request.Epoch.Id,
                    tally.Partner,
                    tally.Partner,
                    request.Terms.PayoutAsset,
                    statement.Payable,
                    PayoutStatus.Pending,
                    Version: 0,
                    request.SettledAt,
                    TransactionId: null));
            }
        }

        string root = MerkleTree.Root(statements.ConvertAll(static s => s.Hash));
        return new EpochSettlement(request.RegistryId, request.Epoch, statements, payouts, root);
    }

    private static EpochStatement Statement(SettlementRequest request, Tally tally, ArraySegment<StatementLine> lines)
    {
        PartnerState previous = tally.Previous;
        Amount balance = previous.CarryIn + tally.Earned;
        Amount payable = Amount.Zero;
        Amount dust = Amount.Zero;
        int idleEpochs = 0;
        if (balance.IsPositive && balance >= request.Terms.MinimumPayout)
        {
            payable = balance;
        }
        else if (balance.IsPositive)
        {
            idleEpochs = tally.Count == 0 ? previous.IdleEpochs + 1 : 0;
            if (tally.Closing || idleEpochs >= request.Terms.Dust.IdleEpochs)
            {
                dust = balance;
                idleEpochs = 0;
            }
        }

        return new EpochStatement(
            request.RegistryId,
            request.Epoch.Id,
            request.Epoch.Start,
            request.Epoch.End,
            tally.Partner,
            tally.Tier?.Name ?? string.Empty,
            previous.LifetimeRevenue + tally.Revenue,
            previous.CarryIn,
            tally.Earned,
            payable,
            balance - payable - dust,
            lines,
            Hash: string.Empty,
            tally.Referrals,
            dust,
            idleEpochs);
    }

    private static Tier? AssignTier(SettlementTerms terms, string partner, string currentName, Int128 metric)
    {
        TierLadder ladder = terms.Tiers!;
        Tier? current = null;
        if (currentName.Length > 0)
        {
            foreach (LadderStep<Tier> step in ladder.Ladder.Steps)
            {
                if (string.Equals(step.Value.Name, currentName, StringComparison.Ordinal))
                {
                    current = step.Value;
                }
            }

            if (current is null)
            {
                throw new SettlementException(
                    SettlementError.UnknownTier, currentName, $"Partner '{partner}' holds tier '{currentName}', which is not on the ladder.");
            }
        }

        return ladder.Assign(metric, current, manualOverride: null).Tier;
    }

    private static void Validate(SettlementRequest request, SettlementLine line)
    {
        if (!string.Equals(line.RegistryId, request.RegistryId, StringComparison.Ordinal))
        {
            throw new SettlementException(
                SettlementError.LineFromAnotherRegistry, LineKeyText(line), $"Line {LineKeyText(line)} belongs to registry '{line.RegistryId}', not '{request.RegistryId}'.");
        }

        if (!request.Epoch.Contains(line.OccurredAt))
        {
            throw new SettlementException(
                SettlementError.LineOutsideEpoch, LineKeyText(line), $"Line {LineKeyText(line)} at {line.OccurredAt} is outside epoch {request.Epoch.Id} {request.Epoch.Interval}.");
        }

        Asset asset = request.Terms.PayoutAsset;
        if (!ReferenceEquals(line.Asset, asset) && !line.Asset.Equals(asset))
        {
            bool sameName = line.Asset.Chain == asset.Chain && line.Asset.Symbol == asset.Symbol;
            throw new SettlementException(
                sameName ? SettlementError.AssetMismatch : SettlementError.UnknownAsset,
                LineKeyText(line),
                $"Line {LineKeyText(line)} is in {line.Asset} ({line.Asset.Decimals} decimals, contract {line.Asset.Contract ?? "native"}); the program pays in {asset} ({asset.Decimals} decimals, contract {asset.Contract ?? "native"}).");
        }
    }

    private static void ThrowIfDuplicate(int order, SettlementLine line)
    {
        if (order == 0)
        {
            throw new SettlementException(SettlementError.DuplicateLine, LineKeyText(line), $"Line {LineKeyText(line)} appears twice.");
        }
    }

    private static string LineKeyText(SettlementLine line) => $"{line.EventId}#{line.Sequence}";

    /// <summary>Canonical line order: time, then event id (ordinal), then sequence.</summary>
    private static int Compare(SettlementLine x, SettlementLine y)
    {
        int order = x.OccurredAt.CompareTo(y.OccurredAt);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.EventId, y.EventId);
        }

        return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>What settlement accumulates for one partner across the passes.</summary>
    private sealed class Tally(string partner)
    {
        public string Partner { get; } = partner;

        public int Count { get; set; }

        public Amount Revenue { get; set; }

        public long Bytes { get; set; }

        public PartnerState Previous { get; set; } = PartnerState.New;

        public int Referrals { get; set; }

        public bool Closing { get; set; }

        public Tier? Tier { get; set; }

        public Rate Rate { get; set; }

        public Amount Earned { get; set; }

        /// <summary>Gets or sets where the partner's next statement line goes in the epoch's line array.</summary>
        public int NextLine { get; set; }

        /// <summary>Gets or sets where the partner's next line encoding goes in the epoch's encoding buffer.</summary>
        public long NextByte { get; set; }
    }

    /// <summary>A line's time (nanoseconds into the epoch), sequence and index in the request: a small sort key.</summary>
    private readonly record struct LineKey(long Offset, int Sequence, int Index);

    /// <summary>Canonical order over sort keys, reading the event id only on equal times.</summary>
    private readonly struct LineKeyOrder(SettlementLine[] lines) : IComparer<LineKey>
    {
        public int Compare(LineKey x, LineKey y)
        {
            int order = x.Offset.CompareTo(y.Offset);
            if (order == 0)
            {
                order = string.CompareOrdinal(lines[x.Index].EventId, lines[y.Index].EventId);
            }

            return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
