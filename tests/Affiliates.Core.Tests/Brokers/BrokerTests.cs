using Affiliates.Brokers;
using Affiliates.Fees;
using NodaTime;

namespace Affiliates.Tests.Brokers;

public sealed class BrokerTests
{
    private const string BrokerId = "cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1";
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 2, 0, 0);

    [Fact]
    public void Register_FillsTheLowestFreeShortIdInGenerationOne()
    {
        Broker broker = Broker.Create(BrokerId).Register(0, Account(0), Address(0), Monday);

        DelegatedAffiliate affiliate = Assert.Single(broker.Affiliates);
        Assert.Equal((0, 1, "0.1", true), (affiliate.ShortId, affiliate.Generation, affiliate.RegistrationId, affiliate.IsActive));
        Assert.Equal(Monday, affiliate.RegisteredAt);
        Assert.Equal(1, broker.LowestFreeShortId);
    }

    [Fact]
    public void The257thAffiliate_IsRefusedBeforeAnyCall()
    {
        Broker broker = Full();

        Assert.True(broker.IsFull);
        Assert.Null(broker.LowestFreeShortId);
        BrokerRuleException error = Assert.Throws<BrokerRuleException>(() => broker.EnsureCanRegister(Address(999)));
        Assert.Equal(BrokerRule.AffiliateLimitReached, error.Rule);
        Assert.Contains("257", error.Message, StringComparison.Ordinal);
        Assert.Equal(BrokerRule.AffiliateLimitReached, Assert.Throws<BrokerRuleException>(() => broker.Register(0, Account(999), Address(999), Monday)).Rule);
    }

    [Fact]
    public void ReusedShortId_StartsANewGeneration_AndKeepsTheOldOneApart()
    {
        Broker broker = Broker.Create(BrokerId)
            .Register(7, Account(7), Address(7), Monday)
            .Deregister(7, Monday.Plus(Duration.FromDays(1)));

        // Chainflip gives the newcomer the freed slot and, today, the same account id.
        broker = broker.Register(7, Account(7), Address(8), Monday.Plus(Duration.FromDays(2)));

        DelegatedAffiliate former = Assert.Single(broker.Former);
        DelegatedAffiliate current = Assert.Single(broker.Affiliates);
        Assert.Equal(("7.1", Address(7)), (former.RegistrationId, former.WithdrawalAddress));
        Assert.Equal(("7.2", Address(8)), (current.RegistrationId, current.WithdrawalAddress));
        Assert.False(former.IsActive);
        Assert.NotEqual(former.RegistrationId, current.RegistrationId);
    }

    [Fact]
    public void ActiveAccount_CannotBeRegisteredAgain_SoItsWithdrawalAddressNeverChanges()
    {
        Broker broker = Broker.Create(BrokerId).Register(0, Account(0), Address(0), Monday);

        BrokerRuleException error = Assert.Throws<BrokerRuleException>(() => broker.Register(1, Account(0), Address(1), Monday));
        Assert.Equal((BrokerRule.AccountAlreadyRegistered, "accountId"), (error.Rule, error.Field));
        Assert.Equal(Address(0), broker.GetAffiliate(Account(0)).WithdrawalAddress);
    }

    [Fact]
    public void SameWithdrawalAddress_MayBackSeveralAffiliates()
    {
        Broker broker = Broker.Create(BrokerId).Register(0, Account(0), Address(0), Monday).Register(1, Account(1), Address(0), Monday);
        Assert.Equal(2, broker.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void ShortIdOutsideAByte_IsRefused(int shortId) =>
        Assert.Equal(BrokerRule.ShortIdOutOfRange, Assert.Throws<BrokerRuleException>(() => Broker.Create(BrokerId).Register(shortId, Account(0), Address(0), Monday)).Rule);

    [Fact]
    public void TakenShortId_IsRefused()
    {
        Broker broker = Broker.Create(BrokerId).Register(3, Account(3), Address(3), Monday);
        Assert.Equal(BrokerRule.ShortIdInUse, Assert.Throws<BrokerRuleException>(() => broker.Register(3, Account(4), Address(4), Monday)).Rule);
    }

    [Fact]
    public void Deregister_FreeSlot_IsRefused() =>
        Assert.Equal(BrokerRule.AffiliateNotRegistered, Assert.Throws<BrokerRuleException>(() => Broker.Create(BrokerId).Deregister(0, Monday)).Rule);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void EmptyTexts_AreRefusedByName(string empty)
    {
        Assert.Equal("accountId", Assert.Throws<BrokerRuleException>(() => Broker.Create(empty)).Field);
        Assert.Equal("withdrawalAddress", Assert.Throws<BrokerRuleException>(() => Broker.Create(BrokerId).Register(0, Account(0), empty, Monday)).Field);
        Assert.Equal("accountId", Assert.Throws<BrokerRuleException>(() => Broker.Create(BrokerId).Register(0, empty, Address(0), Monday)).Field);
    }

    [Fact]
    public void ASixthBeneficiary_IsRefused() =>
        Assert.Equal(
            BeneficiaryValidationError.TooManyAffiliates,
            Assert.Throws<BeneficiaryValidationException>(() => Broker.ForChannel(10, Beneficiaries(6, 10))).Reason);

    [Fact]
    public void A1001BpsChannel_IsRefused() =>
        Assert.Equal(
            BeneficiaryValidationError.TotalAboveLimit,
            Assert.Throws<BeneficiaryValidationException>(() => Broker.ForChannel(501, Beneficiaries(5, 100))).Reason);

    [Fact]
    public void ChannelBeneficiaries_NeedNotBeRegistered() =>
        Assert.Equal(1000, Broker.ForChannel(500, Beneficiaries(5, 100)).TotalBps);

    [Fact]
    public void AThirdBitcoinVaultAffiliate_IsRefused()
    {
        Broker broker = WithAffiliates(3);
        Assert.Equal(2, broker.ForVaultSwap(VaultSwapChain.Bitcoin, 10, Beneficiaries(2, 10)).Affiliates.Length);

        BeneficiaryValidationException error = Assert.Throws<BeneficiaryValidationException>(
            () => broker.ForVaultSwap(VaultSwapChain.Bitcoin, 10, Beneficiaries(3, 10)));
        Assert.Equal((BeneficiaryValidationError.TooManyAffiliates, "affiliates"), (error.Reason, error.ParamName));
        Assert.Contains("Bitcoin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BitcoinVaultSwap_BrokerFeeAboveAByte_IsRefused()
    {
        Assert.Equal(
            BeneficiaryValidationError.VaultSwapBrokerAboveLimit,
            Assert.Throws<BeneficiaryValidationException>(() => VaultSwapLimits.Validate(VaultSwapChain.Bitcoin, 256, [])).Reason);
        Assert.Equal(256, VaultSwapLimits.Validate(VaultSwapChain.Ethereum, 256, []).TotalBps);
    }

    [Theory]
    [InlineData(VaultSwapChain.Ethereum)]
    [InlineData(VaultSwapChain.Arbitrum)]
    [InlineData(VaultSwapChain.Solana)]
    [InlineData(VaultSwapChain.Tron)]
    [InlineData(VaultSwapChain.Bsc)]
    public void OtherVaultSwaps_TakeFiveRegisteredAffiliatesOfAtMost255Bps(VaultSwapChain chain)
    {
        Broker broker = WithAffiliates(6);
        Assert.Equal(5, VaultSwapLimits.MaxAffiliates(chain));
        Assert.Equal(5, broker.ForVaultSwap(chain, 0, Beneficiaries(5, 100)).Affiliates.Length);
        Assert.Equal(
            BeneficiaryValidationError.TooManyAffiliates,
            Assert.Throws<BeneficiaryValidationException>(() => broker.ForVaultSwap(chain, 0, Beneficiaries(6, 10))).Reason);
        Assert.Equal(
            BeneficiaryValidationError.VaultSwapAffiliateAboveLimit,
            Assert.Throws<BeneficiaryValidationException>(() => broker.ForVaultSwap(chain, 0, Beneficiaries(1, 256))).Reason);
    }

    [Fact]
    public void VaultSwap_WithAnUnregisteredAffiliate_IsRefused()
    {
        BrokerRuleException error = Assert.Throws<BrokerRuleException>(
            () => WithAffiliates(1).ForVaultSwap(VaultSwapChain.Ethereum, 10, [new Beneficiary(Account(0), 5), new Beneficiary(Account(1), 5)]));
        Assert.Equal(BrokerRule.AffiliateNotRegistered, error.Rule);
        Assert.Contains("Affiliate 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VaultSwap_OnAnUndefinedChain_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VaultSwapLimits.Validate(VaultSwapChain.Unknown, 0, []));

    [Fact]
    public void Reconcile_AddsWhatTheChainListsAndEndsWhatItDropped()
    {
        Broker broker = WithAffiliates(3);
        Instant later = Monday.Plus(Duration.FromHours(1));

        Broker reconciled = broker.Reconcile(
            [new ChainAffiliate(0, Account(0), Address(0)), new ChainAffiliate(2, Account(2), Address(2)), new ChainAffiliate(5, Account(5), Address(5))],
            later);

        Assert.Equal([0, 2, 5], reconciled.Affiliates.Select(a => a.ShortId));
        Assert.Equal(later, reconciled.Find(5)!.RegisteredAt);
        Assert.Equal(Monday, reconciled.Find(0)!.RegisteredAt);
        Assert.Equal(("1.1", later), (Assert.Single(reconciled.Former).RegistrationId, reconciled.Former[0].DeregisteredAt!.Value));
    }

    [Fact]
    public void Reconcile_ReusedSlot_EndsTheOldRegistration()
    {
        Broker broker = WithAffiliates(1);

        Broker reconciled = broker.Reconcile([new ChainAffiliate(0, Account(0), Address(9))], Monday);

        Assert.Equal("0.2", Assert.Single(reconciled.Affiliates).RegistrationId);
        Assert.Equal(Address(9), reconciled.Affiliates[0].WithdrawalAddress);
        Assert.Equal("0.1", Assert.Single(reconciled.Former).RegistrationId);
    }

    [Fact]
    public void Reconcile_ListingAShortIdTwice_IsRefused() =>
        Assert.Equal(
            BrokerRule.ShortIdInUse,
            Assert.Throws<BrokerRuleException>(() => Broker.Create(BrokerId).Reconcile([new(0, Account(0), Address(0)), new(0, Account(1), Address(1))], Monday)).Rule);

    [Fact]
    public void Restore_RebuildsActiveAndFormerRegistrations()
    {
        Broker broker = WithAffiliates(2).Deregister(1, Monday).Register(1, Account(1), Address(1), Monday);

        Broker restored = Broker.Restore(BrokerId, [.. broker.Former, .. broker.Affiliates]);

        Assert.Equal(broker.Affiliates.AsEnumerable(), restored.Affiliates.AsEnumerable());
        Assert.Equal(broker.Former.AsEnumerable(), restored.Former.AsEnumerable());
        Assert.Equal("1.3", restored.Deregister(1, Monday).Register(1, Account(1), Address(1), Monday).Find(1)!.RegistrationId);
    }

    [Fact]
    public void Restore_Inconsistent_IsRefused()
    {
        DelegatedAffiliate a = new(0, Account(0), Address(0), Monday, 1);
        Assert.Equal(BrokerRule.ShortIdInUse, Assert.Throws<BrokerRuleException>(() => Broker.Restore(BrokerId, [a, a with { AccountId = Account(1), Generation = 2 }])).Rule);
        Assert.Equal(BrokerRule.ShortIdInUse, Assert.Throws<BrokerRuleException>(() => Broker.Restore(BrokerId, [a, a with { DeregisteredAt = Monday }])).Rule);
        Assert.Equal(BrokerRule.AccountAlreadyRegistered, Assert.Throws<BrokerRuleException>(() => Broker.Restore(BrokerId, [a, a with { ShortId = 1 }])).Rule);
    }

    internal static string Account(int i) => FormattableString.Invariant($"cF-account-{i}");

    internal static string Address(int i) => FormattableString.Invariant($"0x{i:x40}");

    private static Broker WithAffiliates(int count)
    {
        Broker broker = Broker.Create(BrokerId);
        for (int i = 0; i < count; i++)
        {
            broker = broker.Register(i, Account(i), Address(i), Monday);
        }

        return broker;
    }

    private static Broker Full() => WithAffiliates(Broker.MaxAffiliates);

    private static Beneficiary[] Beneficiaries(int count, int bps) =>
        [.. Enumerable.Range(0, count).Select(i => new Beneficiary(Account(i), bps))];
}
