using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Payouts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Affiliates.Chainflip.Payouts;

/// <summary>Pays a delegated affiliate by asking the node to withdraw its USDC to its registered Ethereum address.</summary>
/// <remarks>
/// <para>
/// The broker is never custodian: the chain credits each affiliate's commission to the affiliate's own account, and a
/// withdrawal (<c>broker_affiliate_withdrawal_request</c>) sends the affiliate's <em>whole</em> balance, less the
/// Ethereum egress fee, to the address fixed at registration. One payout per transfer. The line's payee is the
/// affiliate's account id, optionally followed by <c>#</c> and its <see cref="DelegatedAffiliate.RegistrationId"/>:
/// with it, a payout owed to an affiliate whose short id (and so account id) was reused is refused rather than paid
/// from the newcomer's balance.
/// </para>
/// <para>
/// Confirmed through balances: only a withdrawal lowers an affiliate's balance, so the balance read when the transfer
/// was prepared, compared with the balance now, tells whether the withdrawal happened even when its answer was lost
/// (a dropped connection, a timeout, a crash). A broadcast first checks exactly that and sends nothing if it did;
/// withdrawals of one affiliate run one at a time. The chain can never pay out more than it credited, so the worst a
/// repeat could cost is one more egress fee. Confirmed means in a state-chain block; the Ethereum egress follows
/// and is not followed here.
/// </para>
/// <para>
/// Refused for good (<see cref="PayoutRejectedException"/>): another asset than USDC on Ethereum, a payee that is not
/// this broker's active affiliate (or not the registration named), a zero balance. <see cref="TransferState.Failed"/>
/// (nothing moved; the payout returns to carry-over): a balance whose remainder after the egress fee is below the dust
/// limit, or an affiliate the node says is not the broker's. Safe mode (withdrawals disabled), time-outs and dropped
/// connections are transient exceptions for the dispatcher to retry.
/// </para>
/// </remarks>
internal sealed class ChainflipPayoutRail : IPayoutRail
{
    private const string Method = "broker_affiliate_withdrawal_request";

    private readonly ChainflipBroker broker;
    private readonly ChainflipBrokerClient client;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> affiliateLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TransferStatus> answered = new(StringComparer.Ordinal);

    public ChainflipPayoutRail(ChainflipBroker broker, ChainflipBrokerClient client, ILogger<ChainflipPayoutRail>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(client);
        this.broker = broker;
        this.client = client;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Name => "chainflip";

    // A state-chain block is about 6 s; a withdrawal is final for this rail once it is in one.
    public PayoutRailProfile Profile { get; } = new(MaxIntentsPerTransfer: 1, ConfirmationDepth: 1, PollInterval: Duration.FromSeconds(6));

    public bool Pays(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset == Asset.UsdcEthereum;
    }

    public async ValueTask<PreparedTransfer> PrepareAsync(TransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lines.Count != 1)
        {
            throw new ArgumentException($"A Chainflip withdrawal pays one affiliate; {request.Lines.Count} lines were given.", nameof(request));
        }

        TransferLine line = request.Lines[0];
        if (!Pays(line.Asset))
        {
            throw new PayoutRejectedException(line.PayoutId, $"Chainflip pays affiliate commission only in {Asset.UsdcEthereum}, not {line.Asset}");
        }

        DelegatedAffiliate affiliate = await AffiliateAsync(line, cancellationToken).ConfigureAwait(false);
        var account = ChainflipAccountId.Parse(affiliate.AccountId);
        Amount balance = await client.GetUsdcBalanceAsync(account, cancellationToken).ConfigureAwait(false);
        if (balance.IsZero)
        {
            throw new PayoutRejectedException(line.PayoutId, $"affiliate {affiliate.AccountId} has no USDC on Chainflip to withdraw (an earlier whole-balance withdrawal may have paid it)");
        }

        byte[] payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { method = Method, @params = new[] { account.Address } }));
        string reconciliation = new WithdrawalReconciliation(account.Address, affiliate.RegistrationId, balance, line.Amount).Write();
        return new PreparedTransfer(request.Key, payload, TransactionId: null, reconciliation);
    }

    public async ValueTask<TransferStatus> BroadcastAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        WithdrawalReconciliation data = WithdrawalReconciliation.Read(transfer.Reconciliation);
        string attempt = Attempt(transfer);
        if (answered.TryGetValue(attempt, out TransferStatus? known))
        {
            return known;
        }

        SemaphoreSlim gate = affiliateLocks.GetOrAdd(data.Affiliate, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (answered.TryGetValue(attempt, out known))
            {
                return known;
            }

            var account = ChainflipAccountId.Parse(data.Affiliate);
            if (await client.GetUsdcBalanceAsync(account, cancellationToken).ConfigureAwait(false) < data.BalanceBefore)
            {
                return Remember(attempt, TransferStatus.Confirmed(1));
            }

            try
            {
                Withdrawal withdrawal = await client.RequestAffiliateWithdrawalAsync(account, cancellationToken).ConfigureAwait(false);
                Log.WithdrawalRequested(logger, transfer.Key, data.Affiliate, withdrawal.EgressAmount.ToString(), withdrawal.DestinationAddress, withdrawal.EgressId);
                return Remember(attempt, TransferStatus.Confirmed(1, withdrawal.TxHash));
            }
            catch (ChainflipRpcException ex) when (ex.Error is ChainflipError.BelowEgressDustLimit or ChainflipError.NoFundsAvailable or ChainflipError.AffiliateNotRegisteredForBroker)
            {
                return Remember(attempt, TransferStatus.Failed($"{ex.ErrorName ?? ex.Error.ToString()}: the node withdrew nothing"));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask<TransferStatus> GetStatusAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (answered.TryGetValue(Attempt(transfer), out TransferStatus? known))
        {
            return known;
        }

        if (transfer.TransactionId is not null)
        {
            return TransferStatus.Confirmed(1);
        }

        WithdrawalReconciliation data = WithdrawalReconciliation.Read(transfer.Reconciliation);
        Amount now = await client.GetUsdcBalanceAsync(ChainflipAccountId.Parse(data.Affiliate), cancellationToken).ConfigureAwait(false);
        return now < data.BalanceBefore ? TransferStatus.Confirmed(1) : TransferStatus.Unknown;
    }

    private static string Attempt(PreparedTransfer transfer) => transfer.Key + "|" + transfer.Reconciliation;

    private TransferStatus Remember(string attempt, TransferStatus status) => answered.GetOrAdd(attempt, status);

    private async Task<DelegatedAffiliate> AffiliateAsync(TransferLine line, CancellationToken cancellationToken)
    {
        string payee = line.PayeeAddress;
        int hash = payee.IndexOf('#', StringComparison.Ordinal);
        string accountText = hash < 0 ? payee : payee[..hash];
        string? registration = hash < 0 ? null : payee[(hash + 1)..];
        if (!ChainflipAccountId.TryRead(accountText, anyNetwork: true, out ChainflipAccountId? account).IsValid)
        {
            throw new PayoutRejectedException(line.PayoutId, $"payee '{payee}' is not a Chainflip affiliate account id");
        }

        // Another tool (or process) may have registered it since this one last looked.
        DelegatedAffiliate? affiliate = broker.State.FindByAccount(account!.Address)
            ?? (await broker.SyncAsync(cancellationToken).ConfigureAwait(false)).FindByAccount(account.Address);
        if (affiliate is null)
        {
            throw new PayoutRejectedException(line.PayoutId, $"{account} is not an affiliate of broker {broker.AccountId}");
        }

        if (registration is not null && registration != affiliate.RegistrationId)
        {
            throw new PayoutRejectedException(
                line.PayoutId, $"registration {registration} of {account} has ended; short id {affiliate.ShortId} now belongs to registration {affiliate.RegistrationId}, which does not inherit its earnings");
        }

        return affiliate;
    }
}
