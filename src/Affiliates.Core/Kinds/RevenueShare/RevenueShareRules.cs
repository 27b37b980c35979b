using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;

namespace Affiliates.Kinds;

/// <summary>
/// Subscription and reseller programs: referred revenue accrues to the partner, who earns its tier's rate of it at
/// settlement. The tier is read on the line's own terms version's ladder at the partner's tier metric (lifetime
/// revenue or the epoch's referrals).
/// </summary>
internal sealed class RevenueShareRules : ProgramRules
{
    public static RevenueShareRules Instance { get; } = new();

    public override ProgramKind Kind => ProgramKind.RevenueShare;

    public override bool HasTiers => true;

    public override void Validate(ProgramTerms terms, List<string> problems)
    {
        if (terms.Tiers.Count == 0)
        {
            problems.Add($"{nameof(terms.Tiers)}: a revenue-share program needs at least one tier, or it cannot settle");
        }
    }

    public override (FeeOutcome Outcome, string Detail)? Refusal(ProgramTerms terms, PartnerCode code) => null;

    public override LedgerEntry Book(LedgerEntry revenue, ProgramTerms terms, PartnerCode code) => revenue;

    public override bool CreditsNothing(LedgerEntry entry, ProgramTerms terms) =>
        terms.Tiers.All(tier => entry.Amount.Times(tier.Rate).IsZero);

    public override LinePrice PriceOf(SettlementLine line, TermsPricing pricing, Int128 tierMetric, TrailingRevenue trailing)
    {
        Rate rate = pricing.Tiers is { } tiers && tiers.Ladder.TryEvaluate(tierMetric, out LadderStep<Tier> step) ? step.Value.Rate : Rate.Zero;
        return new LinePrice(rate, Multiplier.One, Rate.Zero);
    }

    public override Shares Split(Amount revenue, LinePrice price) => new(revenue.Times(price.Rate), Amount.Zero);
}
