using Affiliates.Fees;

namespace Affiliates.Tests.Fees;

public class BeneficiaryListTests
{
    [Fact]
    public void Create_WithBrokerAndFiveAffiliatesAtTheLimit_Succeeds()
    {
        BeneficiaryList list = BeneficiaryList.Create(500, Affiliates(100, 100, 100, 100, 100));

        Assert.Equal(1000, list.TotalBps);
        Assert.Equal(5, list.Affiliates.Length);
        Assert.False(list.IsVaultSwap);
    }

    [Fact]
    public void Create_WithSixAffiliates_FailsWithTooManyAffiliates()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(
            () => BeneficiaryList.Create(0, Affiliates(1, 1, 1, 1, 1, 1)));

        Assert.Equal(BeneficiaryValidationError.TooManyAffiliates, ex.Reason);
        Assert.Equal("affiliates", ex.ParamName);
    }

    [Fact]
    public void Create_With1001BpsInTotal_FailsWithTotalAboveLimit()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(
            () => BeneficiaryList.Create(901, Affiliates(50, 50)));

        Assert.Equal(BeneficiaryValidationError.TotalAboveLimit, ex.Reason);
    }

    [Fact]
    public void Create_WithBrokerAloneAbove1000Bps_FailsWithTotalAboveLimit()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(() => BeneficiaryList.Create(1001, []));

        Assert.Equal(BeneficiaryValidationError.TotalAboveLimit, ex.Reason);
    }

    [Fact]
    public void ForVaultSwap_With256BpsAffiliate_FailsNamingTheAffiliate()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(
            () => BeneficiaryList.ForVaultSwap(10, Affiliates(255, 256)));

        Assert.Equal(BeneficiaryValidationError.VaultSwapAffiliateAboveLimit, ex.Reason);
        Assert.Equal(1, ex.Index);
        Assert.Equal("affiliates", ex.ParamName);
    }

    [Fact]
    public void ForVaultSwap_With255BpsAffiliate_Succeeds() =>
        Assert.True(BeneficiaryList.ForVaultSwap(10, Affiliates(255)).IsVaultSwap);

    [Fact]
    public void Create_With256BpsAffiliateForDepositChannel_Succeeds() =>
        Assert.Equal(266, BeneficiaryList.Create(10, Affiliates(256)).TotalBps);

    [Fact]
    public void Create_WithNegativeAffiliateBps_FailsNamingTheAffiliate()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(
            () => BeneficiaryList.Create(10, Affiliates(5, 5, -1)));

        Assert.Equal(BeneficiaryValidationError.NegativeBps, ex.Reason);
        Assert.Equal(2, ex.Index);
    }

    [Fact]
    public void Create_WithNegativeBrokerCommission_FailsNamingBrokerCommission()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(() => BeneficiaryList.Create(-1, []));

        Assert.Equal(BeneficiaryValidationError.NegativeBps, ex.Reason);
        Assert.Equal("brokerCommissionBps", ex.ParamName);
        Assert.Null(ex.Index);
    }

    [Fact]
    public void Create_WithBlankAccount_FailsWithMissingAccount()
    {
        BeneficiaryValidationException ex = Assert.Throws<BeneficiaryValidationException>(
            () => BeneficiaryList.Create(10, [new Beneficiary(" ", 5)]));

        Assert.Equal(BeneficiaryValidationError.MissingAccount, ex.Reason);
        Assert.Equal(0, ex.Index);
    }

    [Fact]
    public void Create_WithNullAffiliates_Throws() =>
        Assert.Throws<ArgumentNullException>(() => BeneficiaryList.Create(10, null!));

    private static Beneficiary[] Affiliates(params int[] bps) =>
        [.. bps.Select((b, i) => new Beneficiary($"cFaffiliate{i}", b))];
}
