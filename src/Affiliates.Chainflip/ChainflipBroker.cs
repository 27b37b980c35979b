using Affiliates.Addresses;
using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Affiliates.Chainflip;

/// <summary>
/// A broker's delegated affiliates on Chainflip: the core's <see cref="Broker"/> rules checked before every call, the
/// calls made through <see cref="ChainflipBrokerClient"/>, and the model kept in line with what the chain lists.
/// </summary>
/// <remarks>
/// Changes to the affiliates (registering, deregistering, reconciling) run one at a time, so two callers can never
/// together pass the 256 limit. The model lives in memory: a host that must keep the generations of reused short ids
/// across restarts stores <see cref="Broker.Affiliates"/> and <see cref="Broker.Former"/> and passes them back through
/// <see cref="Broker.Restore"/>.
/// </remarks>
public sealed class ChainflipBroker
{
    private readonly ChainflipBrokerClient client;
    private readonly ChainflipAccountId brokerId;
    private readonly IClock clock;
    private readonly IAddressCodec evm;
    private readonly ILogger logger;
    private readonly TimeSpan pollInterval;
    private readonly TimeSpan registrationWait;
    private readonly SemaphoreSlim changing = new(1, 1);
    private Broker state;

    /// <summary>Initializes a new instance of the <see cref="ChainflipBroker"/> class.</summary>
    /// <param name="client">The node client.</param>
    /// <param name="options">The broker's account id and the registration polling; copied.</param>
    /// <param name="clock">The clock that dates registrations.</param>
    /// <param name="evmCodec">The EVM address codec that checks withdrawal addresses; null for the adapter's own EIP-55 check.</param>
    /// <param name="restored">The broker as the host stored it, or null to start empty (then call <see cref="SyncAsync"/>).</param>
    /// <param name="logger">Where to log, or null.</param>
    /// <exception cref="ArgumentException">The options are invalid, or <paramref name="restored"/> is another broker.</exception>
    public ChainflipBroker(ChainflipBrokerClient client, ChainflipBrokerOptions options, IClock clock, IAddressCodec? evmCodec = null, Broker? restored = null, ILogger<ChainflipBroker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Microsoft.Extensions.Options.ValidateOptionsResult valid = new ChainflipBrokerOptionsValidator().Validate(null, options);
        if (valid.Failed)
        {
            throw new ArgumentException(valid.FailureMessage, nameof(options));
        }

        if (evmCodec is not null && evmCodec.Family != AddressFamilies.Evm)
        {
            throw new ArgumentException($"The withdrawal-address codec must read the {AddressFamilies.Evm} family, not {evmCodec.Family}.", nameof(evmCodec));
        }

        this.client = client;
        this.clock = clock;
        brokerId = ChainflipAccountId.Parse(options.BrokerAccountId!);
        evm = evmCodec ?? EthereumAddress.Instance;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        pollInterval = options.RegistrationPollInterval;
        registrationWait = options.RegistrationWait;
        if (restored is not null && restored.AccountId != brokerId.Address)
        {
            throw new ArgumentException($"The restored broker is {restored.AccountId}, not {brokerId.Address}.", nameof(restored));
        }

        state = restored ?? Broker.Create(brokerId.Address);
    }

    /// <summary>Gets the broker's account id.</summary>
    public ChainflipAccountId AccountId => brokerId;

    /// <summary>Gets the broker and its affiliates as last known.</summary>
    public Broker State => Volatile.Read(ref state);

    /// <summary>Reads the broker's affiliates from the chain and reconciles the model: new ones are added, vanished ones deregistered.</summary>
    /// <returns>The reconciled broker.</returns>
    public async Task<Broker> SyncAsync(CancellationToken cancellationToken = default)
    {
        await changing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<RegisteredAffiliate> listed = await client.GetBrokerAffiliatesAsync(brokerId, cancellationToken: cancellationToken).ConfigureAwait(false);
            Broker reconciled = State.Reconcile(listed.Select(ToChain), clock.GetCurrentInstant());
            Volatile.Write(ref state, reconciled);
            Log.Reconciled(logger, brokerId.Address, reconciled.Count, reconciled.Former.Length);
            return reconciled;
        }
        finally
        {
            changing.Release();
        }
    }

    /// <summary>Registers an affiliate whose USDC can only ever go to <paramref name="withdrawalAddress"/>, and learns its short id from the chain.</summary>
    /// <returns>The new registration.</returns>
    /// <exception cref="ArgumentException">The address is not an Ethereum address; nothing is sent.</exception>
    /// <exception cref="BrokerRuleException">The broker already holds 256 affiliates; nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused or did not answer, or the registration did not appear in time; call <see cref="SyncAsync"/> before trying again.</exception>
    public async Task<DelegatedAffiliate> RegisterAffiliateAsync(string withdrawalAddress, CancellationToken cancellationToken = default)
    {
        AddressParseResult parsed = evm.Parse(withdrawalAddress);
        if (!parsed.IsValid)
        {
            throw new ArgumentException($"'{withdrawalAddress}' is not an Ethereum withdrawal address: it {parsed.Detail}.", nameof(withdrawalAddress));
        }

        await changing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            State.EnsureCanRegister(parsed.Canonical!);
            ChainflipAccountId account = await client.RegisterAffiliateAsync(parsed.Canonical!, cancellationToken).ConfigureAwait(false);
            RegisteredAffiliate listed = await WaitUntilListedAsync(account, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(listed.WithdrawalAddress, EthereumAddress.ToWire(parsed.Canonical!), StringComparison.Ordinal))
            {
                throw new ChainflipRpcException(
                    ChainflipError.MalformedResponse,
                    "cf_get_affiliates",
                    $"affiliate {account} is listed with withdrawal address {listed.WithdrawalAddress}, not the {parsed.Canonical} registered.");
            }

            ChainflipAccountId derived = AffiliateAccountIds.Derive(brokerId, (byte)listed.ShortId);
            if (derived != account)
            {
                Log.AffiliateIdDerivationDiffers(logger, account.Address, listed.ShortId, derived.Address);
            }

            Broker next = State.Register(listed.ShortId, account.Address, parsed.Canonical!, clock.GetCurrentInstant());
            Volatile.Write(ref state, next);
            DelegatedAffiliate affiliate = next.Find(listed.ShortId)!;
            Log.AffiliateRegistered(logger, account.Address, affiliate.ShortId, affiliate.RegistrationId);
            return affiliate;
        }
        finally
        {
            changing.Release();
        }
    }

    /// <summary>Deregisters an affiliate with a zero balance, freeing its short id for a newcomer who will not inherit its record.</summary>
    /// <exception cref="BrokerRuleException">The account is not an active affiliate of this broker; nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused (<see cref="ChainflipError.AffiliateEarnedFeesNotWithdrawn"/>) or did not answer.</exception>
    public async Task<DelegatedAffiliate> DeregisterAffiliateAsync(string affiliateAccountId, CancellationToken cancellationToken = default)
    {
        await changing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DelegatedAffiliate affiliate = State.GetAffiliate(Canonical(affiliateAccountId, nameof(affiliateAccountId)));
            DeregisteredAffiliate gone = await client.DeregisterAffiliateAsync(ChainflipAccountId.Parse(affiliate.AccountId), cancellationToken).ConfigureAwait(false);
            Broker next = State.Deregister(gone.ShortId, clock.GetCurrentInstant());
            Volatile.Write(ref state, next);
            Log.AffiliateDeregistered(logger, affiliate.AccountId, gone.ShortId);
            return next.Former[^1];
        }
        finally
        {
            changing.Release();
        }
    }

    /// <summary>Opens a deposit channel; its beneficiaries were checked when the <see cref="Fees.BeneficiaryList"/> was made.</summary>
    /// <exception cref="ChainflipRpcException">The node refused or did not answer.</exception>
    public Task<DepositChannel> OpenDepositChannelAsync(DepositChannelRequest request, CancellationToken cancellationToken = default) =>
        client.RequestSwapDepositAddressAsync(request, cancellationToken);

    /// <summary>Encodes a vault swap after checking that every affiliate is this broker's and within the source chain's limits.</summary>
    /// <exception cref="BrokerRuleException">An affiliate is not this broker's; nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused or did not answer.</exception>
    public Task<VaultSwapDetails> EncodeVaultSwapAsync(VaultSwapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Fees.BeneficiaryList canonical = Fees.BeneficiaryList.ForVaultSwap(
            request.Beneficiaries.BrokerCommissionBps,
            request.Beneficiaries.Affiliates.Select((b, i) => b with { Account = Canonical(b.Account, $"affiliates[{i}]") }));
        State.ForVaultSwap(request.Chain, canonical.BrokerCommissionBps, canonical.Affiliates);
        return client.RequestSwapParameterEncodingAsync(request, cancellationToken);
    }

    /// <summary>Reads an affiliate's earned, not yet withdrawn USDC, in micro-USDC.</summary>
    /// <exception cref="BrokerRuleException">The account is not an active affiliate of this broker; nothing is sent.</exception>
    public Task<Amount> GetAffiliateBalanceAsync(string affiliateAccountId, CancellationToken cancellationToken = default)
    {
        DelegatedAffiliate affiliate = State.GetAffiliate(Canonical(affiliateAccountId, nameof(affiliateAccountId)));
        return client.GetUsdcBalanceAsync(ChainflipAccountId.Parse(affiliate.AccountId), cancellationToken);
    }

    /// <summary>Withdraws an affiliate's whole USDC balance to its registered address.</summary>
    /// <exception cref="BrokerRuleException">The account is not an active affiliate of this broker; nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused (no funds, dust) or did not answer.</exception>
    public Task<Withdrawal> WithdrawAffiliateAsync(string affiliateAccountId, CancellationToken cancellationToken = default)
    {
        DelegatedAffiliate affiliate = State.GetAffiliate(Canonical(affiliateAccountId, nameof(affiliateAccountId)));
        return client.RequestAffiliateWithdrawalAsync(ChainflipAccountId.Parse(affiliate.AccountId), cancellationToken);
    }

    private static ChainAffiliate ToChain(RegisteredAffiliate listed) =>
        new(listed.ShortId, listed.AccountId.Address, EthereumAddress.Instance.Parse(listed.WithdrawalAddress).Canonical!);

    private static string Canonical(string accountId, string field) =>
        ChainflipAccountId.TryRead(accountId, anyNetwork: true, out ChainflipAccountId? id) is { IsValid: false } result
            ? throw new ArgumentException($"'{accountId}' is not a Chainflip account id: it {result.Detail}.", field)
            : id!.Address;

    private async Task<RegisteredAffiliate> WaitUntilListedAsync(ChainflipAccountId account, CancellationToken cancellationToken)
    {
        // The node answers at in-block; the listing may lag until the block is imported by the node serving reads.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(registrationWait);
        try
        {
            while (true)
            {
                IReadOnlyList<RegisteredAffiliate> listed = await client.GetBrokerAffiliatesAsync(brokerId, account, deadline.Token).ConfigureAwait(false);
                if (listed.Count > 0)
                {
                    return listed[0];
                }

                await Task.Delay(pollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChainflipRpcException(
                ChainflipError.Timeout, "cf_get_affiliates", $"affiliate {account} was registered but not listed within {registrationWait}.", mayHaveExecuted: true, innerException: ex);
        }
    }
}
