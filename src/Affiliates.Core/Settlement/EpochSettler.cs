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
/// </remarks>
public static class EpochSettler
{
    /// <summary>Settles <paramref name="request"/>.</summary>
    /// <exception cref="SettlementException">A line is from another registry, outside the epoch, in another asset or
    /// duplicated; a previous tier is not on the ladder; a referral count is negative.</exception>
    public static EpochSettlement Settle(SettlementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SettlementTerms terms = request.Terms;
        (LineRef[] refs, Dictionary<string, (int Start, int Count)> linesByPartner) = GroupAndValidate(request);
        var partners = new HashSet<string>(linesByPartner.Keys, StringComparer.Ordinal);
        partners.UnionWith(request.PreviousStates.Keys);
        partners.UnionWith(request.Referrals.Keys);
        partners.UnionWith(request.ClosingPartners);
        string[] ordered = [.. partners];
        Array.Sort(ordered, StringComparer.Ordinal);

        var writer = new CanonicalWriter();
        var allLines = new StatementLine[refs.Length];
        var statements = new List<EpochStatement>(ordered.Length);
        var payouts = new List<PayoutIntent>();
        foreach (string partner in ordered)
        {
            (int start, int count) = linesByPartner.GetValueOrDefault(partner);
            PartnerState previous = request.PreviousStates.GetValueOrDefault(partner) ?? PartnerState.New;
            int referrals = request.Referrals.GetValueOrDefault(partner);
            bool closing = request.ClosingPartners.Contains(partner);
            if (count == 0 && previous.CarryIn.IsZero && referrals == 0 && !closing)
            {
                continue;
            }

            if (referrals < 0)
            {
                throw new SettlementException(SettlementError.NegativeReferrals, partner, $"Partner '{partner}' has {referrals} referrals.");
            }

            EpochStatement statement = SettlePartner(request, partner, refs.AsSpan(start, count), new ArraySegment<StatementLine>(allLines, start, count), previous, referrals, closing);
            statement = statement with { Hash = StatementHasher.ComputeHash(writer, statement) };
            statements.Add(statement);
            if (statement.Payable.IsPositive)
            {
                payouts.Add(new PayoutIntent(
                    PayoutId.For(writer, request.RegistryId, request.Epoch.Id, partner, terms.PayoutAsset),
                    request.RegistryId,
                    request.Epoch.Id,
                    partner,
                    partner,
                    terms.PayoutAsset,
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

    private static EpochStatement SettlePartner(
        SettlementRequest request, string partner, Span<LineRef> refs, ArraySegment<StatementLine> statementLines, PartnerState previous, int referrals, bool closing)
    {
        SettlementTerms terms = request.Terms;
        IReadOnlyList<SettlementLine> lines = request.Lines;
        var order = new LineOrder(lines);
        refs.Sort(order);
        Amount revenue = Amount.Zero;
        for (int i = 0; i < refs.Length; i++)
        {
            if (i > 0 && order.Compare(refs[i - 1], refs[i]) == 0)
            {
                string key = LineKey(lines[refs[i].Index]);
                throw new SettlementException(SettlementError.DuplicateLine, key, $"Line {key} appears twice.");
            }

            revenue += lines[refs[i].Index].Amount;
        }

        Amount lifetime = previous.LifetimeRevenue + revenue;
        Tier? tier = terms.Kind == ProgramKind.RevenueShare
            ? AssignTier(terms, partner, previous.Tier, terms.TierMetric == TierMetric.LifetimeRevenue ? lifetime.Units : referrals)
            : null;
        Rate rate = terms.Kind == ProgramKind.RevenueShare ? tier?.Rate ?? Rate.Zero : Rate.Full;

        Amount earned = Amount.Zero;
        for (int i = 0; i < refs.Length; i++)
        {
            SettlementLine line = lines[refs[i].Index];
            Amount commission = line.Amount.Times(rate);
            earned += commission;
            statementLines[i] = new StatementLine(line.EventId, line.Sequence, line.OccurredAt, line.Code, line.Amount, rate, commission);
        }

        Amount balance = previous.CarryIn + earned;
        Amount payable = Amount.Zero;
        Amount dust = Amount.Zero;
        int idleEpochs = 0;
        if (balance.IsPositive && balance >= terms.MinimumPayout)
        {
            payable = balance;
        }
        else if (balance.IsPositive)
        {
            idleEpochs = refs.Length == 0 ? previous.IdleEpochs + 1 : 0;
            if (closing || idleEpochs >= terms.Dust.IdleEpochs)
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
            partner,
            tier?.Name ?? string.Empty,
            lifetime,
            previous.CarryIn,
            earned,
            payable,
            balance - payable - dust,
            statementLines,
            Hash: string.Empty,
            referrals,
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

    /// <summary>Validates every line and buckets line references by partner (a counting sort: one array, one range per partner).</summary>
    private static (LineRef[] Refs, Dictionary<string, (int Start, int Count)> Ranges) GroupAndValidate(SettlementRequest request)
    {
        IReadOnlyList<SettlementLine> lines = request.Lines;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        int[] slotOfLine = new int[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            SettlementLine line = lines[i];
            Validate(request, line);
            if (!slots.TryGetValue(line.Partner, out int slot))
            {
                slot = slots.Count;
                slots.Add(line.Partner, slot);
                counts.Add(0);
            }

            slotOfLine[i] = slot;
            counts[slot]++;
        }

        int[] next = new int[counts.Count];
        var ranges = new Dictionary<string, (int Start, int Count)>(slots.Count, StringComparer.Ordinal);
        int offset = 0;
        foreach ((string partner, int slot) in slots)
        {
            next[slot] = offset;
            ranges.Add(partner, (offset, counts[slot]));
            offset += counts[slot];
        }

        var refs = new LineRef[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            SettlementLine line = lines[i];
            refs[next[slotOfLine[i]]++] = new LineRef((line.OccurredAt - request.Epoch.Start).ToInt64Nanoseconds(), line.Sequence, i);
        }

        return (refs, ranges);
    }

    private static void Validate(SettlementRequest request, SettlementLine line)
    {
        if (!string.Equals(line.RegistryId, request.RegistryId, StringComparison.Ordinal))
        {
            throw new SettlementException(
                SettlementError.LineFromAnotherRegistry, LineKey(line), $"Line {LineKey(line)} belongs to registry '{line.RegistryId}', not '{request.RegistryId}'.");
        }

        if (!request.Epoch.Contains(line.OccurredAt))
        {
            throw new SettlementException(
                SettlementError.LineOutsideEpoch, LineKey(line), $"Line {LineKey(line)} at {line.OccurredAt} is outside epoch {request.Epoch.Id} {request.Epoch.Interval}.");
        }

        Asset asset = request.Terms.PayoutAsset;
        if (!ReferenceEquals(line.Asset, asset) && !line.Asset.Equals(asset))
        {
            bool sameName = line.Asset.Chain == asset.Chain && line.Asset.Symbol == asset.Symbol;
            throw new SettlementException(
                sameName ? SettlementError.AssetMismatch : SettlementError.UnknownAsset,
                LineKey(line),
                $"Line {LineKey(line)} is in {line.Asset} ({line.Asset.Decimals} decimals, contract {line.Asset.Contract ?? "native"}); the program pays in {asset} ({asset.Decimals} decimals, contract {asset.Contract ?? "native"}).");
        }
    }

    private static string LineKey(SettlementLine line) => $"{line.EventId}#{line.Sequence}";

    /// <summary>A line's time (nanoseconds into the epoch), sequence and index in the request: a small sort key.</summary>
    private readonly record struct LineRef(long Offset, int Sequence, int Index);

    /// <summary>Canonical line order: time, then event id (ordinal, read only on equal times), then sequence.</summary>
    private readonly struct LineOrder(IReadOnlyList<SettlementLine> lines) : IComparer<LineRef>
    {
        public int Compare(LineRef x, LineRef y)
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
