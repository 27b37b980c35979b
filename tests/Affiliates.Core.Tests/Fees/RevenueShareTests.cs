using Affiliates.Fees;

namespace Affiliates.Tests.Fees;

public class RevenueShareTests
{
    [Fact]
    public void Compute_GivesPartnerTheFloorAndProtocolTheRest()
    {
        RevenueShare share = RevenueShare.Compute(Amount.FromUnits(49_999_999), Rate.FromPercent(20));

        Assert.Equal(Amount.FromUnits(9_999_999), share.Partner);
        Assert.Equal(Amount.FromUnits(40_000_000), share.Protocol);
    }

    [Fact]
    public void Compute_OnRefund_MirrorsTheOriginal()
    {
        RevenueShare share = RevenueShare.Compute(Amount.FromUnits(-49_999_999), Rate.FromPercent(20));

        Assert.Equal(Amount.FromUnits(-9_999_999), share.Partner);
        Assert.Equal(Amount.FromUnits(-40_000_000), share.Protocol);
    }
}
