using Affiliates.Fees;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;

namespace Affiliates.Kinds;

/// <summary>
/// Fee-share programs (Rujira, GMX): each fee splits between protocol, partner and user at the referral fee and
/// kickback in force when it was booked, times the multiplier of the code's trailing revenue, decided at settlement.
/// </summary>
internal sealed class FeeShareRules : ProgramRules
{
    public static FeeShareRules Instance { get; } = new();

    public override ProgramKind Kind => ProgramKind.FeeShare;

    public override bool HasTiers => false;

    public override void Validate(ProgramTerms terms, List<string> problems)
    {
    }

    public override (FeeOutcome Outcome, string Detail)? Refusal(ProgramTerms terms, PartnerCode code) =>
        terms.KickbackRange.Contains(code.Kickback)
            ? null
            : (FeeOutcome.KickbackOutOfRange, $"kickback {code.Kickback} is outside the range of terms version {terms.Version}");

    public override LedgerEntry Book(LedgerEntry revenue, ProgramTerms terms, PartnerCode code) =>
        revenue with { ReferralFee = code.ReferralFeeOverride ?? terms.DefaultReferralFee, Kickback = code.Kickback };

    public override bool CreditsNothing(LedgerEntry entry, ProgramTerms terms)
    {
        Multiplier best = terms.MultiplierLadder.Count == 0 ? Multiplier.One : terms.MultiplierLadder.Max(step => step.Multiplier);
        return ReferralFeeSplit.Compute(entry.Amount, entry.ReferralFee, best > Multiplier.One ? best : Multiplier.One, entry.Kickback).ReferralShare.IsZero;
    }

    public override LinePrice PriceOf(SettlementLine line, TermsPricing pricing, Int128 tierMetric, TrailingRevenue trailing) =>
        new(line.ReferralFee, trailing.MultiplierOf(line, pricing), line.Kickback);

    public override Shares Split(Amount revenue, LinePrice price)
    {
        ReferralFeeSplit split = ReferralFeeSplit.Compute(revenue, price.Rate, price.Multiplier, price.Kickback);
        return new Shares(split.Partner, split.User);
    }
}
