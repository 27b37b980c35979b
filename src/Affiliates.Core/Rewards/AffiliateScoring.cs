using System.Runtime.InteropServices;
using NodaTime;

namespace Affiliates.Rewards;

/// <summary>Turns an epoch's referred trades into affiliate scores (the CoW affiliate score rules).</summary>
/// <remarks>
/// <para>
/// Trades are processed in (time, id) order whatever order they arrive in, so the result is deterministic. An address
/// is attributed for good to the referrer of its first trade (first referrer wins); an address whose first trade had
/// no referrer never counts. Each of its trades then counts when both tokens are listed, and the trade is among the
/// address's first <see cref="ScoringRules.FirstTrades"/> trades or within <see cref="ScoringRules.FirstPeriod"/> of its
/// first trade. Both windows are prefixes of the address's trades, so counting their union counts "the higher of the
/// two". Every trade advances the address's trade count, listed or not.
/// </para>
/// <para>
/// Stable-to-stable volume counts × <see cref="ScoringRules.StableFactor"/>, truncated toward zero. An address never
/// contributes more than <see cref="ScoringRules.AddressCap"/> over its lifetime; the trade that reaches the cap counts
/// partly. Excluded addresses count nothing, and the reason is recorded on the address.
/// </para>
/// </remarks>
public static class AffiliateScoring
{
    private static readonly Dictionary<string, string> NoExclusions = new(StringComparer.Ordinal);

    /// <summary>Scores one epoch of trades.</summary>
    /// <param name="trades">The epoch's trades, in any order; all must come after the trades scored into <paramref name="previous"/>.</param>
    /// <param name="tokens">The epoch's token list.</param>
    /// <param name="rules">The epoch's scoring rules.</param>
    /// <param name="excluded">Excluded addresses with the reason for each, or null for none.</param>
    /// <param name="previous">The state after the previous epoch, or null to start afresh.</param>
    /// <exception cref="ArgumentException">A trade is null or lacks an id or trader, two trades share a time and an id, or a trade is not after those already scored.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A trade's volume is negative.</exception>
    public static ScoringResult Score(
        IEnumerable<ReferredTrade> trades,
        TokenList tokens,
        ScoringRules rules,
        IReadOnlyDictionary<string, string>? excluded = null,
        ScoringState? previous = null)
    {
        Preconditions.NotNull(tokens);
        Preconditions.NotNull(rules);
        excluded ??= NoExclusions;
        previous ??= ScoringState.Empty;
        ReferredTrade[] ordered = Order(Preconditions.NotNull(trades), previous);

        var progress = new Dictionary<string, AddressProgress>(previous.Addresses, StringComparer.Ordinal);
        var tallies = new Dictionary<string, AddressTally>(StringComparer.Ordinal);
        var outcomes = new TradeOutcome[ordered.Length];
        for (int i = 0; i < ordered.Length; i++)
        {
            ReferredTrade trade = ordered[i];
            if (trade.VolumeUsd.IsNegative)
            {
                Preconditions.ThrowOutOfRange(nameof(trades), trade.VolumeUsd, $"trade '{trade.Id}' volume must not be negative");
            }

            ref AddressProgress address = ref CollectionsMarshal.GetValueRefOrAddDefault(progress, trade.Trader, out bool known);
            if (!known)
            {
                address = new AddressProgress(trade.Referrer, trade.Time, 0, 0);
            }

            excluded.TryGetValue(trade.Trader, out string? reason);
            int ordinal = checked(address.Trades + 1);
            (TradeStatus status, Int128 eligible, Int128 counted) = Evaluate(trade, address, ordinal, reason, tokens, rules);
            address = address with { Trades = ordinal, Counted = address.Counted + counted };
            outcomes[i] = new TradeOutcome(trade.Id, trade.Trader, address.Affiliate, status, Amount.FromUnits(counted));

            ref AddressTally tally = ref CollectionsMarshal.GetValueRefOrAddDefault(tallies, trade.Trader, out _);
            tally.Affiliate = address.Affiliate;
            tally.ExclusionReason = reason;
            tally.Volume += trade.VolumeUsd.Units;
            tally.Counted += counted;
            tally.CutByCap += eligible - counted;
        }

        return Summarize(outcomes, tallies, new ScoringState(progress, ordered.Length > 0 ? ordered[^1].Time : previous.LastTime, ordered.Length > 0 ? ordered[^1].Id : previous.LastTradeId));
    }

    private static (TradeStatus Status, Int128 Eligible, Int128 Counted) Evaluate(
        ReferredTrade trade, AddressProgress address, int ordinal, string? exclusionReason, TokenList tokens, ScoringRules rules)
    {
        if (exclusionReason is not null)
        {
            return (TradeStatus.Excluded, 0, 0);
        }

        if (address.Affiliate is null)
        {
            return (TradeStatus.FirstTradeNotReferred, 0, 0);
        }

        if (ordinal > rules.FirstTrades && trade.Time >= address.FirstTrade + rules.FirstPeriod)
        {
            return (TradeStatus.OutsideWindow, 0, 0);
        }

        if (!tokens.BothListed(trade.SellToken, trade.BuyToken))
        {
            return (TradeStatus.TokenNotListed, 0, 0);
        }

        Int128 eligible = tokens.BothStable(trade.SellToken, trade.BuyToken)
            ? trade.VolumeUsd.Times(rules.StableFactor).Units
            : trade.VolumeUsd.Units;
        Int128 counted = Int128.Min(eligible, rules.AddressCap.Units - address.Counted);
        TradeStatus status = counted == eligible ? TradeStatus.Counted
            : counted > 0 ? TradeStatus.PartlyCounted
            : TradeStatus.AddressCapReached;
        return (status, eligible, counted);
    }

    private static ScoringResult Summarize(TradeOutcome[] outcomes, Dictionary<string, AddressTally> tallies, ScoringState state)
    {
        var addresses = new AddressOutcome[tallies.Count];
        var scores = new Dictionary<string, Int128>(StringComparer.Ordinal);
        int next = 0;
        foreach ((string address, AddressTally tally) in tallies)
        {
            AddressStatus status = tally.ExclusionReason is not null ? AddressStatus.Excluded
                : tally.Affiliate is null ? AddressStatus.FirstTradeNotReferred
                : AddressStatus.Eligible;
            addresses[next++] = new AddressOutcome(
                address,
                tally.Affiliate,
                status,
                Amount.FromUnits(tally.Volume),
                Amount.FromUnits(tally.Counted),
                Amount.FromUnits(tally.CutByCap),
                tally.ExclusionReason);
            if (tally.Affiliate is not null)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(scores, tally.Affiliate, out _) += tally.Counted;
            }
        }

        Array.Sort(addresses, (a, b) => string.CompareOrdinal(a.Address, b.Address));
        AffiliateScore[] affiliates = [.. scores.Select(s => new AffiliateScore(s.Key, Amount.FromUnits(s.Value)))];
        Array.Sort(affiliates, (a, b) => string.CompareOrdinal(a.Affiliate, b.Affiliate));
        Amount total = affiliates.Aggregate(Amount.Zero, (sum, a) => sum + a.Score);
        return new ScoringResult(outcomes, addresses, affiliates, total, state);
    }

    private static ReferredTrade[] Order(IEnumerable<ReferredTrade> trades, ScoringState previous)
    {
        ReferredTrade[] ordered = [.. trades];
        bool sorted = true;
        for (int i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is not { Id: not null, Trader: not null })
            {
                throw new ArgumentException($"Trade [{i}] is null or lacks an id or a trader.", nameof(trades));
            }

            sorted = sorted && (i == 0 || Compare(ordered[i - 1], ordered[i]) <= 0);
        }

        if (!sorted)
        {
            Array.Sort(ordered, Compare);
        }

        for (int i = 1; i < ordered.Length; i++)
        {
            if (Compare(ordered[i - 1], ordered[i]) == 0)
            {
                throw new ArgumentException($"Two trades have id '{ordered[i].Id}' at {ordered[i].Time}.", nameof(trades));
            }
        }

        if (ordered.Length > 0 && previous.LastTime is Instant lastTime && Compare(ordered[0].Time, ordered[0].Id, lastTime, previous.LastTradeId!) <= 0)
        {
            throw new ArgumentException($"Trade '{ordered[0].Id}' at {ordered[0].Time} is not after the trades already scored.", nameof(trades));
        }

        return ordered;
    }

    private static int Compare(ReferredTrade a, ReferredTrade b) => Compare(a.Time, a.Id, b.Time, b.Id);

    private static int Compare(Instant aTime, string aId, Instant bTime, string bId)
    {
        int byTime = aTime.CompareTo(bTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(aId, bId);
    }

    private struct AddressTally
    {
        public string? Affiliate;
        public string? ExclusionReason;
        public Int128 Volume;
        public Int128 Counted;
        public Int128 CutByCap;
    }
}
