using System.Text;
using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Payouts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Chainflip.Tests.Rpc;
using Affiliates.Payouts;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Chainflip.Tests.Payouts;

public sealed class ChainflipPayoutRailTests : NodeTest
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 6, 0, 0));

    [Fact]
    public void Pays_OnlyUsdcOnEthereum()
    {
        ChainflipPayoutRail rail = Rail();

        Assert.True(rail.Pays(Asset.UsdcEthereum));
        Assert.False(rail.Pays(Asset.UsdcSolana));
        Assert.False(rail.Pays(Asset.Eth));
        Assert.Equal(("chainflip", 1, 1), (rail.Name, rail.Profile.MaxIntentsPerTransfer, rail.Profile.ConfirmationDepth));
    }

    [Fact]
    public async Task AWithdrawal_IsPreparedWithoutTouchingTheChain_ThenSentOnce()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        ChainflipPayoutRail rail = Rail();

        PreparedTransfer prepared = await rail.PrepareAsync(Request(affiliate, 5_000_000));
        Assert.Equal(0, Node.Count("broker_affiliate_withdrawal_request"));
        Assert.Null(prepared.TransactionId);
        Assert.Contains(affiliate.Address, Encoding.UTF8.GetString(prepared.Payload.Span), StringComparison.Ordinal);

        TransferStatus sent = await rail.BroadcastAsync(prepared);
        TransferStatus again = await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Confirmed, sent.State);
        Assert.StartsWith("0x", sent.TransactionId, StringComparison.Ordinal);
        Assert.Equal(sent, again);
        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));
        Assert.Equal(0, (int)Node.UsdcOf(affiliate));
        Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(prepared)).State);
    }

    [Fact]
    public async Task ALostAnswer_IsConfirmedThroughTheBalance_AndNeverSentAgain()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        PreparedTransfer prepared = await Rail().PrepareAsync(Request(affiliate, 5_000_000));
        Node.DropNext("broker_affiliate_withdrawal_request");

        ChainflipRpcException lost = await Assert.ThrowsAsync<ChainflipRpcException>(async () => await Rail().BroadcastAsync(prepared));
        Assert.True(lost.MayHaveExecuted);

        // A restarted host asks a new rail: the balance fell, so the withdrawal happened.
        ChainflipPayoutRail restarted = Rail();
        Assert.Equal(TransferState.Confirmed, (await restarted.GetStatusAsync(prepared)).State);
        Assert.Equal(TransferState.Confirmed, (await restarted.BroadcastAsync(prepared)).State);
        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));
    }

    [Fact]
    public async Task ACrashBeforeBroadcast_IsUnknown_ThenPaidOnce()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        PreparedTransfer prepared = await Rail().PrepareAsync(Request(affiliate, 5_000_000));

        ChainflipPayoutRail restarted = Rail();
        Assert.Equal(TransferState.Unknown, (await restarted.GetStatusAsync(prepared)).State);
        Assert.Equal(TransferState.Confirmed, (await restarted.BroadcastAsync(prepared)).State);
        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));
    }

    [Fact]
    public async Task CommissionCreditedAfterPrepare_DoesNotHideThatNothingWasSent()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        ChainflipPayoutRail rail = Rail();
        PreparedTransfer prepared = await rail.PrepareAsync(Request(affiliate, 5_000_000));
        Node.Credit(affiliate, 1_000);

        Assert.Equal(TransferState.Unknown, (await rail.GetStatusAsync(prepared)).State);
        await rail.BroadcastAsync(prepared);

        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));
    }

    [Fact]
    public async Task TwoWorkersBroadcastingAtOnce_WithdrawOnce()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        ChainflipPayoutRail rail = Rail();
        PreparedTransfer prepared = await rail.PrepareAsync(Request(affiliate, 5_000_000));
        Node.Delay("broker_affiliate_withdrawal_request", TimeSpan.FromMilliseconds(200));

        TransferStatus[] statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => rail.BroadcastAsync(prepared).AsTask()));

        Assert.All(statuses, s => Assert.Equal(TransferState.Confirmed, s.State));
        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));
    }

    [Fact]
    public async Task ABalanceBelowTheDustLimitAfterTheFee_Fails_AndMovesNothing()
    {
        ChainflipAccountId affiliate = await Affiliate(0x1843a + 10);
        ChainflipPayoutRail rail = Rail();
        PreparedTransfer prepared = await rail.PrepareAsync(Request(affiliate, 0x1843a + 10));

        TransferStatus status = await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Failed, status.State);
        Assert.Contains("BelowEgressDustLimit", status.Detail, StringComparison.Ordinal);
        Assert.Equal(0x1843a + 10, (int)Node.UsdcOf(affiliate));
    }

    [Fact]
    public async Task SafeMode_IsTransient()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        ChainflipPayoutRail rail = Rail();
        PreparedTransfer prepared = await rail.PrepareAsync(Request(affiliate, 5_000_000));
        Node.WithdrawalsDisabled = true;

        Assert.Equal(ChainflipError.WithdrawalsDisabled, (await Assert.ThrowsAsync<ChainflipRpcException>(async () => await rail.BroadcastAsync(prepared))).Error);

        Node.WithdrawalsDisabled = false;
        Assert.Equal(TransferState.Confirmed, (await rail.BroadcastAsync(prepared)).State);
    }

    [Fact]
    public async Task LinesTheRailCanNeverPay_AreRejected()
    {
        ChainflipAccountId affiliate = await Affiliate(5_000_000);
        ChainflipAccountId empty = await Affiliate(0);
        ChainflipPayoutRail rail = Rail();
        string stranger = AffiliateAccountIds.Derive(ChainflipAccountId.Parse("cFHsUq1uK5opJudRDczhdPVj6LGoVTqYsfj71tbHfKsTAzkJJ"), 0).Address;

        await Rejected(rail, new TransferLine("p1", affiliate.Address, Asset.UsdcSolana, Amount.FromUnits(1)), "only in");
        await Rejected(rail, new TransferLine("p2", Alice, Asset.UsdcEthereum, Amount.FromUnits(1)), "not a Chainflip affiliate account");
        await Rejected(rail, new TransferLine("p3", stranger, Asset.UsdcEthereum, Amount.FromUnits(1)), "not an affiliate of broker");
        await Rejected(rail, new TransferLine("p4", empty.Address, Asset.UsdcEthereum, Amount.FromUnits(1)), "no USDC");
        Assert.Equal(0, Node.Count("broker_affiliate_withdrawal_request"));
    }

    [Fact]
    public async Task APayoutOwedToAFormerRegistration_IsNeverPaidFromTheNewcomersBalance()
    {
        ChainflipBroker broker = Broker();
        DelegatedAffiliate former = await broker.RegisterAffiliateAsync(Alice);
        await broker.DeregisterAffiliateAsync(former.AccountId);
        DelegatedAffiliate newcomer = await broker.RegisterAffiliateAsync(Bob);
        Node.Credit(ChainflipAccountId.Parse(newcomer.AccountId), 5_000_000);
        var rail = new ChainflipPayoutRail(broker, NewClient());

        PayoutRejectedException error = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await rail.PrepareAsync(
            new TransferRequest("tr-1", 1, [new TransferLine("p-old", $"{former.AccountId}#{former.RegistrationId}", Asset.UsdcEthereum, Amount.FromUnits(5_000_000))])));
        PreparedTransfer mine = await rail.PrepareAsync(
            new TransferRequest("tr-2", 1, [new TransferLine("p-new", $"{newcomer.AccountId}#{newcomer.RegistrationId}", Asset.UsdcEthereum, Amount.FromUnits(5_000_000))]));

        Assert.Contains("0.1", error.Reason, StringComparison.Ordinal);
        Assert.Equal(TransferState.Confirmed, (await rail.BroadcastAsync(mine)).State);
    }

    [Fact]
    public async Task AnAffiliateRegisteredElsewhere_IsFoundBySyncing()
    {
        ChainflipAccountId affiliate = Node.RegisterOnChain(Alice);
        Node.Credit(affiliate, 2_000_000);

        PreparedTransfer prepared = await Rail().PrepareAsync(Request(affiliate, 2_000_000));

        Assert.Contains("\"registration\":\"0.1\"", prepared.Reconciliation, StringComparison.Ordinal);
    }

    private static TransferRequest Request(ChainflipAccountId affiliate, long units) =>
        new("tr-" + new string('a', 40), 1, [new TransferLine("payout-1", affiliate.Address, Asset.UsdcEthereum, Amount.FromUnits(Math.Max(units, 1)))]);

    private static async Task Rejected(ChainflipPayoutRail rail, TransferLine line, string reason)
    {
        PayoutRejectedException error = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await rail.PrepareAsync(new TransferRequest("tr-x", 1, [line])));
        Assert.Equal(line.PayoutId, error.PayoutId);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    private async Task<ChainflipAccountId> Affiliate(long usdc)
    {
        ChainflipAccountId affiliate = Node.RegisterOnChain(Alice);
        Node.Credit(affiliate, usdc);
        return affiliate;
    }

    private ChainflipBroker Broker() =>
        new(NewClient(), new ChainflipBrokerOptions { RpcUrl = Node.Url, BrokerAccountId = Node.Broker.Address, RegistrationPollInterval = TimeSpan.FromMilliseconds(20) }, clock);

    private ChainflipPayoutRail Rail() => new(Broker(), NewClient());
}
