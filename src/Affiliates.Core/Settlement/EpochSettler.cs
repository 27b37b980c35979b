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
        Dictionary<string, List<SettlementLine>> linesByPartner = GroupAndValidate(request);
        var partners = new HashSet<string>(linesByPartner.Keys, StringComparer.Ordinal);
        partners.UnionWith(request.PreviousStates.Keys);
        partners.UnionWith(request.Referrals.Keys);
        partners.UnionWith(request.ClosingPartners);
        string[] ordered = [.. partners];
        Array.Sort(ordered, StringComparer.Ordinal);

        var writer = new CanonicalWriter();
        var statements = new List<EpochStatement>(ordered.Length);
        var payouts = new List<PayoutIntent>();
        foreach (string partner in ordered)
        {
            List<SettlementLine>? lines = linesByPartner.GetValueOrDefault(partner);
            PartnerState previous = request.PreviousStates.GetValueOrDefault(partner) ?? PartnerState.New;
            int referrals = request.Referrals.GetValueOrDefault(partner);
            bool closing = request.ClosingPartners.Contains(partner);
            if (lines is null && previous.CarryIn.IsZero && referrals == 0 && !closing)
            {
                continue;
            }

            if (referrals < 0)
            {
                throw new SettlementException(SettlementError.NegativeReferrals, partner, $"Partner '{partner}' has {referrals} referrals.");
            }

            EpochStatement statement = SettlePartner(request, partner, lines ?? [], previous, referrals, closing);
            statement = statement with { Hash = StatementHasher.ComputeHash(writer, statement) };
            statements.Add(statement);
            if (statement.Payable.IsPositive)
            {
                payouts.Add(new PayoutIntent(
                    PayoutId.For(request.RegistryId, request.Epoch.Id, partner, terms.PayoutAsset),
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
        SettlementRequest request, string partner, List<SettlementLine> lines, PartnerState previous, int referrals, bool closing)
    {
        SettlementTerms terms = request.Terms;
        lines.Sort(LineOrder.Instance);
        Amount revenue = Amount.Zero;
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0 && LineOrder.Instance.Compare(lines[i - 1], lines[i]) == 0)
            {
                throw new SettlementException(
                    SettlementError.DuplicateLine, LineKey(lines[i]), $"Line {LineKey(lines[i])} appears twice.");
            }

            revenue += lines[i].Amount;
        }

        Amount lifetime = previous.LifetimeRevenue + revenue;
        Tier? tier = terms.Kind == ProgramKind.RevenueShare
            ? AssignTier(terms, partner, previous.Tier, terms.TierMetric == TierMetric.LifetimeRevenue ? lifetime.Units : referrals)
            : null;
        Rate rate = terms.Kind == ProgramKind.RevenueShare ? tier?.Rate ?? Rate.Zero : Rate.Full;

        var statementLines = new StatementLine[lines.Count];
        Amount earned = Amount.Zero;
        for (int i = 0; i < lines.Count; i++)
        {
            SettlementLine line = lines[i];
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
            idleEpochs = lines.Count == 0 ? previous.IdleEpochs + 1 : 0;
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

    private static Dictionary<string, List<SettlementLine>> GroupAndValidate(SettlementRequest request)
    {
        Asset asset = request.Terms.PayoutAsset;
        var groups = new Dictionary<string, List<SettlementLine>>(StringComparer.Ordinal);
        foreach (SettlementLine line in request.Lines)
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

            if (!ReferenceEquals(line.Asset, asset) && !line.Asset.Equals(asset))
            {
                bool sameName = line.Asset.Chain == asset.Chain && line.Asset.Symbol == asset.Symbol;
                throw new SettlementException(
                    sameName ? SettlementError.AssetMismatch : SettlementError.UnknownAsset,
                    LineKey(line),
                    $"Line {LineKey(line)} is in {line.Asset} ({line.Asset.Decimals} decimals, contract {line.Asset.Contract ?? "native"}); the program pays in {asset} ({asset.Decimals} decimals, contract {asset.Contract ?? "native"}).");
            }

            if (!groups.TryGetValue(line.Partner, out List<SettlementLine>? group))
            {
                group = [];
                groups.Add(line.Partner, group);
            }

            group.Add(line);
        }

        return groups;
    }

    private static string LineKey(SettlementLine line) => $"{line.EventId}#{line.Sequence}";

    private sealed class LineOrder : IComparer<SettlementLine>
    {
        public static readonly LineOrder Instance = new();

        public int Compare(SettlementLine? x, SettlementLine? y)
        {
            int order = x!.OccurredAt.CompareTo(y!.OccurredAt);
            if (order == 0)
            {
                order = string.CompareOrdinal(x.EventId, y.EventId);
            }

            return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
