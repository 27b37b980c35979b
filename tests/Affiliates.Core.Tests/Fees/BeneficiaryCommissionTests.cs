using System.Numerics;
using Affiliates.Fees;
using Affiliates.Tests.Allocation;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Fees;

public class BeneficiaryCommissionTests
{
    [Theory]
    [InlineData(5_000, 0)]
    [InlineData(15_000, 1)]
    [InlineData(15_001, 2)]
    [InlineData(14_999, 1)]
    [InlineData(4_999, 0)]
    [InlineData(5_001, 1)]
    public void Compute_RoundsToNearestWithTiesDown(long amount, long expectedFee)
    {
        BeneficiaryCommission commission = BeneficiaryCommission.Compute(Amount.FromUnits(amount), BeneficiaryList.Create(1, []));

        Assert.Equal(Amount.FromUnits(expectedFee), commission.BrokerFee);
        Assert.Equal(Amount.FromUnits(amount - expectedFee), commission.Kept);
    }

    [Fact]
    public void Compute_RoundsEachBeneficiaryOnItsOwn()
    {
        // 0.6 unit each: rounded together 1.8 would be 2; rounded one by one each becomes 1.
        var list = BeneficiaryList.Create(1, [new Beneficiary("cFa", 1), new Beneficiary("cFb", 1)]);

        BeneficiaryCommission commission = BeneficiaryCommission.Compute(Amount.FromUnits(6_000), list);

        Assert.Equal(Amount.FromUnits(1), commission.BrokerFee);
        Assert.Equal<Amount>([Amount.FromUnits(1), Amount.FromUnits(1)], commission.AffiliateFees);
        Assert.Equal(Amount.FromUnits(5_997), commission.Kept);
    }

    [Fact]
    public void Compute_OnTenUsdc_PaysBrokerAndAffiliatesInMicroUsdc()
    {
        var list = BeneficiaryList.Create(30, [new Beneficiary("cFa", 10), new Beneficiary("cFb", 20)]);

        BeneficiaryCommission commission = BeneficiaryCommission.Compute(Amount.FromWhole(10, 6), list);

        Assert.Equal(Amount.FromUnits(30_000), commission.BrokerFee);
        Assert.Equal<Amount>([Amount.FromUnits(10_000), Amount.FromUnits(20_000)], commission.AffiliateFees);
        Assert.Equal(Amount.FromUnits(9_940_000), commission.Kept);
    }

    [Fact]
    public void Compute_OnNegativeAmount_ThrowsNamingAmount()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => BeneficiaryCommission.Compute(Amount.FromUnits(-1), BeneficiaryList.Create(1, [])));
        Assert.Equal("usdcAmount", ex.ParamName);
    }

    [Fact]
    public void Equals_ComparesFeesByValue()
    {
        var list = BeneficiaryList.Create(30, [new Beneficiary("cFa", 10)]);

        Assert.Equal(BeneficiaryCommission.Compute(Amount.FromUnits(777), list), BeneficiaryCommission.Compute(Amount.FromUnits(777), list));
        Assert.NotEqual(BeneficiaryCommission.Compute(Amount.FromUnits(777), list), BeneficiaryCommission.Compute(Amount.FromUnits(7_770), list));
    }

    [Fact]
    public void Compute_FeesPlusKeptIsAmount_EachFeeWithinHalfUnitTiesDown_KeptNonNegative()
    {
        // Up to six bps values, scaled down when needed so that they total at most 1 000.
        Gen<int[]> bps = Gen.Choose(1, 6)
            .SelectMany(count => Gen.Frequency((3, Gen.Choose(0, 1000)), (1, Gen.Choose(0, 3))).ArrayOf(count))
            .Select(values =>
            {
                int sum = values.Sum();
                return sum > 1000 ? [.. values.Select(v => v * 1000 / sum)] : values;
            });
        Arbitrary<(Int128 Amount, int[] Bps)> cases = Arb.From(
            MoneyGen.NonNegativeUnits.Zip(bps),
            c => MoneyGen.ShrinkUnits(c.Item1).Select(a => (a, c.Item2)));

        Prop.ForAll(cases, c =>
        {
            var list = BeneficiaryList.Create(c.Bps[0], c.Bps.Skip(1).Select((b, i) => new Beneficiary($"cF{i}", b)));
            BeneficiaryCommission commission = BeneficiaryCommission.Compute(Amount.FromUnits(c.Amount), list);
            Amount[] fees = [commission.BrokerFee, .. commission.AffiliateFees];
            return fees.Aggregate(commission.Kept, (s, f) => s + f).Units == c.Amount
                && !commission.Kept.IsNegative
                && fees.Select((fee, i) => NearestTiesDown(fee, c.Amount, c.Bps[i])).All(ok => ok);
        }).Check(MoneyGen.Config);
    }

    private static bool NearestTiesDown(Amount fee, Int128 amount, int bps)
    {
        BigInteger exactTimesMillion = (BigInteger)amount * bps * 100;
        BigInteger twiceError = 2 * ((fee.Units * (BigInteger)1_000_000) - exactTimesMillion);
        return fee.Units >= 0 && BigInteger.Abs(twiceError) <= 1_000_000 && twiceError != 1_000_000;
    }
}
