using Affiliates.Fees;

namespace Affiliates.Tests.Fees;

public class AffiliateFeeTests
{
    private static readonly AffiliateFeeRange ZeroToThreePercent = new(Rate.Zero, Rate.FromPercent(3));

    [Fact]
    public void Charge_InRange_AddsFlooredFeeOnTop()
    {
        AffiliateFeeCharge charge = AffiliateFee.Charge(Amount.FromUnits(1_001), Rate.FromBasisPoints(250), ZeroToThreePercent, FeeChargePoint.Trade);

        Assert.True(charge.IsApplied);
        Assert.Equal(AffiliateFeeStatus.Applied, charge.Status);
        Assert.Equal(Amount.FromUnits(25), charge.Fee);
        Assert.Equal(Amount.FromUnits(1_026), charge.TotalPaid);
        Assert.Equal(FeeChargePoint.Trade, charge.When);
    }

    [Fact]
    public void Charge_AboveRange_ChargesNothingAndSaysWhy()
    {
        AffiliateFeeCharge charge = AffiliateFee.Charge(Amount.FromUnits(1_000), Rate.FromBasisPoints(301), ZeroToThreePercent, FeeChargePoint.Deposit);

        Assert.False(charge.IsApplied);
        Assert.Equal(AffiliateFeeStatus.RateAboveMaximum, charge.Status);
        Assert.Equal(Amount.Zero, charge.Fee);
        Assert.Equal(Amount.FromUnits(1_000), charge.TotalPaid);
        Assert.Equal(FeeChargePoint.Deposit, charge.When);
    }

    [Fact]
    public void Charge_BelowRange_ChargesNothingAndSaysWhy()
    {
        var range = new AffiliateFeeRange(Rate.FromBasisPoints(10), Rate.FromBasisPoints(50));

        AffiliateFeeCharge charge = AffiliateFee.Charge(Amount.FromUnits(1_000), Rate.FromBasisPoints(5), range, FeeChargePoint.Claim);

        Assert.Equal(AffiliateFeeStatus.RateBelowMinimum, charge.Status);
        Assert.Equal(Amount.Zero, charge.Fee);
    }

    [Fact]
    public void Charge_AtRangeBounds_Applies()
    {
        var range = new AffiliateFeeRange(Rate.FromBasisPoints(10), Rate.FromBasisPoints(50));

        Assert.True(AffiliateFee.Charge(Amount.FromUnits(1_000), Rate.FromBasisPoints(10), range, FeeChargePoint.Trade).IsApplied);
        Assert.True(AffiliateFee.Charge(Amount.FromUnits(1_000), Rate.FromBasisPoints(50), range, FeeChargePoint.Trade).IsApplied);
    }

    [Fact]
    public void Range_WithMinimumAboveMaximum_ThrowsNamingMinimum()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new AffiliateFeeRange(Rate.FromPercent(4), Rate.FromPercent(3)));
        Assert.Equal("minimum", ex.ParamName);
    }

    [Fact]
    public void Charge_OnNegativeNotional_ThrowsNamingNotional()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => AffiliateFee.Charge(Amount.FromUnits(-1), Rate.Zero, ZeroToThreePercent, FeeChargePoint.Trade));
        Assert.Equal("notional", ex.ParamName);
    }

    [Fact]
    public void Charge_WithUndefinedChargePoint_ThrowsNamingWhen()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => AffiliateFee.Charge(Amount.FromUnits(1), Rate.Zero, ZeroToThreePercent, (FeeChargePoint)7));
        Assert.Equal("when", ex.ParamName);
    }
}
