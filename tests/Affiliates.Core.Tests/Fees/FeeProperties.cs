using System.Numerics;
using Affiliates.Fees;
using Affiliates.Tests.Allocation;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Fees;

public class FeeProperties
{
    private const long FullScale = 1_000_000L * 1_000_000L;

    private static readonly Gen<Multiplier> Multipliers = Gen.Frequency(
        (2, Gen.Elements(1_000_000L, 1_250_000L, 1_500_000L, 1_750_000L, 2_000_000L, 0L)),
        (2, Gen.Choose(0, 5_000_000).Select(m => (long)m)),
        (1, Gen.Choose(0, int.MaxValue).Select(m => m % (Multiplier.MaxMillionths + 1)))).Select(Multiplier.FromMillionths);

    private static readonly Arbitrary<(Int128 Fee, Rate ReferralFee, Multiplier Multiplier, Rate Kickback)> ReferralCases = Arb.From(
        from fee in MoneyGen.Units
        from referralFee in MoneyGen.Rates
        from multiplier in Multipliers
        from kickback in MoneyGen.Rates
        select (Fee: fee, ReferralFee: referralFee, Multiplier: multiplier, Kickback: kickback),
        c => MoneyGen.ShrinkUnits(c.Fee).Select(f => c with { Fee = f }));

    private static readonly Arbitrary<(Int128 Units, Rate Rate)> AmountAndRate = Arb.From(
        MoneyGen.Units.Zip(MoneyGen.Rates),
        c => MoneyGen.ShrinkUnits(c.Item1).Select(u => (u, c.Item2)));

    [Fact]
    public void ReferralFeeSplit_PartsSumToFee() =>
        Prop.ForAll(ReferralCases, c =>
        {
            ReferralFeeSplit s = Referral(c);
            return s.Protocol + s.Partner + s.User == s.Fee && s.Fee.Units == c.Fee;
        }).Check(MoneyGen.Config);

    [Fact]
    public void ReferralFeeSplit_PartsHaveTheSignOfTheFee() =>
        Prop.ForAll(ReferralCases, c =>
        {
            ReferralFeeSplit s = Referral(c);
            return new[] { s.Protocol, s.Partner, s.User }.All(p => c.Fee >= 0 ? p.Units >= 0 : p.Units <= 0);
        }).Check(MoneyGen.Config);

    [Fact]
    public void ReferralFeeSplit_ReferralShareAndKickbackAreWithinOneUnitOfExact() =>
        Prop.ForAll(ReferralCases, c =>
        {
            ReferralFeeSplit s = Referral(c);
            long scaled = (long)c.ReferralFee.PartsPerMillion * c.Multiplier.Millionths;
            bool capped = scaled > FullScale;
            bool referralOk = capped
                ? s.ReferralShare == s.Fee
                : MoneyGen.WithinOneUnit(s.ReferralShare, (BigInteger)c.Fee * scaled, FullScale);
            bool userOk = MoneyGen.WithinOneUnit(s.User, (BigInteger)s.ReferralShare.Units * c.Kickback.PartsPerMillion, Rate.PartsPerMillionScale);
            return referralOk && userOk && s.MultiplierCapped == capped;
        }).Check(MoneyGen.Config);

    [Fact]
    public void ReferralFeeSplit_NegativeFeeMirrorsPositive() =>
        Prop.ForAll(ReferralCases, c =>
        {
            ReferralFeeSplit s = Referral(c);
            ReferralFeeSplit m = Referral(c with { Fee = -c.Fee });
            return m.Protocol == -s.Protocol && m.Partner == -s.Partner && m.User == -s.User;
        }).Check(MoneyGen.Config);

    [Fact]
    public void RevenueShare_PartnerPlusProtocolIsRevenue_PartnerWithinOneUnit_NegativeMirrors() =>
        Prop.ForAll(AmountAndRate, c =>
        {
            RevenueShare s = RevenueShare.Compute(Amount.FromUnits(c.Units), c.Rate);
            RevenueShare m = RevenueShare.Compute(Amount.FromUnits(-c.Units), c.Rate);
            bool signOk = c.Units >= 0 ? s.Partner.Units >= 0 && s.Protocol.Units >= 0 : s.Partner.Units <= 0 && s.Protocol.Units <= 0;
            return s.Partner + s.Protocol == s.Revenue && s.Revenue.Units == c.Units && signOk
                && MoneyGen.WithinOneUnit(s.Partner, (BigInteger)c.Units * c.Rate.PartsPerMillion, Rate.PartsPerMillionScale)
                && m.Partner == -s.Partner && m.Protocol == -s.Protocol;
        }).Check(MoneyGen.Config);

    [Fact]
    public void AffiliateFee_NotionalPlusFeeIsPaid_FeeWithinOneUnitWhenInRange_NothingOtherwise()
    {
        Arbitrary<(Int128 Notional, Rate Rate, Rate Low, Rate High)> cases = Arb.From(
            from notional in MoneyGen.NonNegativeUnits
            from rate in MoneyGen.Rates
            from a in MoneyGen.Rates
            from b in MoneyGen.Rates
            select (Notional: notional, Rate: rate, Low: a < b ? a : b, High: a < b ? b : a),
            c => MoneyGen.ShrinkUnits(c.Notional).Select(n => c with { Notional = n }));

        Prop.ForAll(cases, c =>
        {
            var range = new AffiliateFeeRange(c.Low, c.High);
            AffiliateFeeCharge charge = AffiliateFee.Charge(Amount.FromUnits(c.Notional), c.Rate, range, FeeChargePoint.Claim);
            bool inRange = c.Rate >= c.Low && c.Rate <= c.High;
            bool feeOk = inRange
                ? charge.Fee.Units >= 0 && charge.Fee.Units * 1_000_000 <= (BigInteger)c.Notional * c.Rate.PartsPerMillion
                    && MoneyGen.WithinOneUnit(charge.Fee, (BigInteger)c.Notional * c.Rate.PartsPerMillion, Rate.PartsPerMillionScale)
                : charge.Fee.IsZero;
            return charge.Notional + charge.Fee == charge.TotalPaid && charge.Notional.Units == c.Notional
                && charge.IsApplied == inRange && feeOk && charge.When == FeeChargePoint.Claim;
        }).Check(MoneyGen.Config);
    }

    private static ReferralFeeSplit Referral((Int128 Fee, Rate ReferralFee, Multiplier Multiplier, Rate Kickback) c) =>
        ReferralFeeSplit.Compute(Amount.FromUnits(c.Fee), c.ReferralFee, c.Multiplier, c.Kickback);
}
