using System.Text.Json;
using System.Text.Json.Nodes;
using Affiliates.Addresses;
using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;
using Affiliates.Fees;

namespace Affiliates.Chainflip.Rpc;

public sealed partial class ChainflipBrokerClient
{
    private const int MaxBps = BeneficiaryList.MaxTotalBps;

    /// <summary>Registers a delegated affiliate whose USDC can only ever be withdrawn to <paramref name="withdrawalAddress"/> (<c>broker_register_affiliate</c>).</summary>
    /// <returns>The new affiliate's account id. The node does not say its short id: read it back with <see cref="GetBrokerAffiliatesAsync"/>.</returns>
    /// <exception cref="ArgumentException">The address is not an Ethereum address (or fails its EIP-55 checksum); nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused (<see cref="ChainflipError.AffiliateShortIdOutOfBounds"/> when 256 are registered) or did not answer.</exception>
    public async Task<ChainflipAccountId> RegisterAffiliateAsync(string withdrawalAddress, CancellationToken cancellationToken = default)
    {
        string wire = WithdrawalAddress(withdrawalAddress, nameof(withdrawalAddress));
        const string Method = "broker_register_affiliate";
        JsonElement result = await WriteAsync(Method, [wire], cancellationToken).ConfigureAwait(false);
        return new RpcJson(Method).Account(result, "result");
    }

    /// <summary>Lists this node's broker's affiliates, by short id (<c>broker_get_affiliates</c>).</summary>
    /// <param name="affiliate">Only this affiliate, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<RegisteredAffiliate>> GetAffiliatesAsync(ChainflipAccountId? affiliate = null, CancellationToken cancellationToken = default)
    {
        const string Method = "broker_get_affiliates";
        JsonNode?[] parameters = affiliate is null ? [] : [affiliate.Address];
        return ReadAffiliates(Method, await ReadAsync(Method, parameters, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Lists any broker's affiliates, by short id (<c>cf_get_affiliates</c>, served by every node).</summary>
    /// <param name="broker">The broker.</param>
    /// <param name="affiliate">Only this affiliate (an empty list if it is not the broker's), or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<RegisteredAffiliate>> GetBrokerAffiliatesAsync(ChainflipAccountId broker, ChainflipAccountId? affiliate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        const string Method = "cf_get_affiliates";
        JsonNode?[] parameters = affiliate is null ? [broker.Address] : [broker.Address, affiliate.Address];
        return ReadAffiliates(Method, await ReadAsync(Method, parameters, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deregisters an affiliate whose balance is zero, freeing its short id (<c>broker_deregister_affiliate</c>, Chainflip 2.2+).</summary>
    /// <exception cref="ChainflipRpcException"><see cref="ChainflipError.AffiliateEarnedFeesNotWithdrawn"/>, <see cref="ChainflipError.AffiliateNotRegisteredForBroker"/>, or no answer.</exception>
    public async Task<DeregisteredAffiliate> DeregisterAffiliateAsync(ChainflipAccountId affiliate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(affiliate);
        const string Method = "broker_deregister_affiliate";
        JsonElement result = await WriteAsync(Method, [affiliate.Address], cancellationToken).ConfigureAwait(false);
        var json = new RpcJson(Method);
        return new DeregisteredAffiliate(
            json.Account(json.Property(result, "account_id"), "account_id"),
            (int)json.Integer(json.Property(result, "short_id"), "short_id", Broker.MaxShortId));
    }

    /// <summary>Withdraws an affiliate's whole USDC balance to its registered Ethereum address (<c>broker_affiliate_withdrawal_request</c>).</summary>
    /// <exception cref="ChainflipRpcException"><see cref="ChainflipError.NoFundsAvailable"/>, <see cref="ChainflipError.BelowEgressDustLimit"/>, <see cref="ChainflipError.AffiliateNotRegisteredForBroker"/>, <see cref="ChainflipError.WithdrawalsDisabled"/>, or no answer.</exception>
    public async Task<Withdrawal> RequestAffiliateWithdrawalAsync(ChainflipAccountId affiliate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(affiliate);
        const string Method = "broker_affiliate_withdrawal_request";
        return ReadWithdrawal(Method, await WriteAsync(Method, [affiliate.Address], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Withdraws the broker's own whole balance of <paramref name="asset"/> to <paramref name="destinationAddress"/> (<c>broker_withdraw_fees</c>).</summary>
    /// <exception cref="ChainflipRpcException"><see cref="ChainflipError.NoFundsAvailable"/>, <see cref="ChainflipError.DestinationNotAllowed"/>, or no answer.</exception>
    public async Task<Withdrawal> WithdrawFeesAsync(ChainflipAsset asset, string destinationAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationAddress);
        const string Method = "broker_withdraw_fees";
        return ReadWithdrawal(Method, await WriteAsync(Method, [asset.ToJson(), destinationAddress], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Opens a swap deposit channel with the broker's commission and affiliate beneficiaries (<c>broker_request_swap_deposit_address</c>).</summary>
    /// <exception cref="ArgumentException">A beneficiary is not an SS58 account id, or the boost fee is out of range; nothing is sent.</exception>
    /// <exception cref="ChainflipRpcException">The node refused (<see cref="ChainflipError.BrokerCommissionTooHigh"/>, <see cref="ChainflipError.InvalidParams"/>, …) or did not answer.</exception>
    public async Task<DepositChannel> RequestSwapDepositAddressAsync(DepositChannelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonNode?[] parameters =
        [
            request.Source.ToJson(), request.Destination.ToJson(), Required(request.DestinationAddress, nameof(request.DestinationAddress)),
            request.Beneficiaries.BrokerCommissionBps, null, BoostFee(request.BoostFeeBps), Affiliates(request.Beneficiaries),
            Required(request.Refund, nameof(request.Refund)).ToJson(), request.Dca?.ToJson(),
        ];
        const string Method = "broker_request_swap_deposit_address";
        JsonElement result = await WriteAsync(Method, parameters, cancellationToken).ConfigureAwait(false);
        var json = new RpcJson(Method);
        return new DepositChannel(
            json.String(json.Property(result, "address"), "address"),
            json.Integer(json.Property(result, "issued_block"), "issued_block", uint.MaxValue),
            (ulong)json.Integer(json.Property(result, "channel_id"), "channel_id", long.MaxValue),
            U64(json, json.Property(result, "source_chain_expiry_block"), "source_chain_expiry_block"),
            json.Amount(json.Property(result, "channel_opening_fee"), "channel_opening_fee"));
    }

    /// <summary>Encodes a vault swap for this node's broker (<c>broker_request_swap_parameter_encoding</c>).</summary>
    /// <exception cref="ChainflipRpcException"><see cref="ChainflipError.AffiliateNotRegisteredForBroker"/>, <see cref="ChainflipError.BrokerCommissionTooLow"/>, <see cref="ChainflipError.NoPrivateChannelExistsForBroker"/>, …, or no answer.</exception>
    public async Task<VaultSwapDetails> RequestSwapParameterEncodingAsync(VaultSwapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Method = "broker_request_swap_parameter_encoding";
        return ReadVaultSwap(Method, await ReadAsync(Method, VaultSwapParameters(request), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Encodes a vault swap for any broker on any node, signing nothing (<c>cf_request_swap_parameter_encoding</c>).</summary>
    /// <exception cref="ChainflipRpcException">As <see cref="RequestSwapParameterEncodingAsync(VaultSwapRequest, CancellationToken)"/>.</exception>
    public async Task<VaultSwapDetails> RequestSwapParameterEncodingAsync(ChainflipAccountId broker, VaultSwapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(request);
        const string Method = "cf_request_swap_parameter_encoding";
        return ReadVaultSwap(Method, await ReadAsync(Method, [broker.Address, .. VaultSwapParameters(request)], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Encodes the SCALE <c>cf_parameters</c> of an EVM or Solana vault call made by hand (<c>broker_encode_cf_parameters</c>, 1.10+).</summary>
    /// <returns>The parameters as <c>0x</c> hex.</returns>
    /// <exception cref="BeneficiaryValidationException">The beneficiaries break the source chain's vault-swap limits; nothing is sent.</exception>
    public async Task<string> EncodeCfParametersAsync(DepositChannelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Source.VaultSwapChain is VaultSwapChain.Unknown or VaultSwapChain.Bitcoin)
        {
            throw new ArgumentException($"{request.Source} has no vault contract taking cf_parameters.", nameof(request));
        }

        VaultSwapLimits.Validate(request.Source.VaultSwapChain, request.Beneficiaries.BrokerCommissionBps, request.Beneficiaries.Affiliates);
        JsonNode?[] parameters =
        [
            request.Source.ToJson(), request.Destination.ToJson(), Required(request.DestinationAddress, nameof(request.DestinationAddress)),
            request.Beneficiaries.BrokerCommissionBps, Required(request.Refund, nameof(request.Refund)).ToJson(), null,
            BoostFee(request.BoostFeeBps), Affiliates(request.Beneficiaries), request.Dca?.ToJson(),
        ];
        const string Method = "broker_encode_cf_parameters";
        var json = new RpcJson(Method);
        string hex = json.String(await ReadAsync(Method, parameters, cancellationToken).ConfigureAwait(false), "result");
        return hex.StartsWith("0x", StringComparison.Ordinal) && hex.AsSpan(2).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0
            ? hex
            : throw json.Malformed($"'result' (\"{hex}\") is not 0x-prefixed hex");
    }

    /// <summary>Reads an account's free balances in every asset (<c>cf_free_balances</c>).</summary>
    public async Task<IReadOnlyDictionary<ChainflipAsset, Amount>> GetFreeBalancesAsync(ChainflipAccountId account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string Method = "cf_free_balances";
        return ReadAssetMap(new RpcJson(Method), await ReadAsync(Method, [account.Address], cancellationToken).ConfigureAwait(false), "result");
    }

    /// <summary>Reads an account's USDC on Ethereum in micro-USDC: an affiliate's earned and not yet withdrawn commission.</summary>
    /// <exception cref="ChainflipRpcException">The node's balances do not list Ethereum USDC (<see cref="ChainflipError.MalformedResponse"/>), or no answer.</exception>
    public async Task<Amount> GetUsdcBalanceAsync(ChainflipAccountId account, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<ChainflipAsset, Amount> balances = await GetFreeBalancesAsync(account, cancellationToken).ConfigureAwait(false);
        return balances.TryGetValue(ChainflipAsset.EthereumUsdc, out Amount usdc)
            ? usdc
            : throw new RpcJson("cf_free_balances").Malformed("'Ethereum.USDC' is missing");
    }

    /// <summary>Reads an account's role, balances and, for a broker, its affiliates (<c>cf_account_info</c>).</summary>
    public async Task<AccountInfo> GetAccountInfoAsync(ChainflipAccountId account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string Method = "cf_account_info";
        return ReadAccountInfo(new RpcJson(Method), await ReadAsync(Method, [account.Address], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Registers the node's key as a broker (<c>broker_register_account</c>).</summary>
    /// <returns>The extrinsic hash, or null from nodes that answer nothing.</returns>
    public async Task<string?> RegisterAccountAsync(CancellationToken cancellationToken = default)
    {
        const string Method = "broker_register_account";
        return TxHash(Method, await WriteAsync(Method, [], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Sets the least broker commission this broker's vault swaps may carry (<c>broker_set_vault_swap_minimum_broker_fee</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 1 000 bps; nothing is sent.</exception>
    public async Task<string?> SetVaultSwapMinimumBrokerFeeAsync(int minimumFeeBps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumFeeBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumFeeBps, MaxBps);
        const string Method = "broker_set_vault_swap_minimum_broker_fee";
        return TxHash(Method, await WriteAsync(Method, [minimumFeeBps], cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Opens the broker's private Bitcoin channel, which Bitcoin vault swaps need (<c>broker_open_private_btc_channel</c>).</summary>
    /// <returns>The channel id.</returns>
    public async Task<ulong> OpenPrivateBtcChannelAsync(CancellationToken cancellationToken = default)
    {
        const string Method = "broker_open_private_btc_channel";
        var json = new RpcJson(Method);
        return U64(json, await WriteAsync(Method, [], cancellationToken).ConfigureAwait(false), "result");
    }

    /// <summary>Closes the broker's private Bitcoin channel (<c>broker_close_private_btc_channel</c>).</summary>
    /// <returns>The channel id.</returns>
    public async Task<ulong> ClosePrivateBtcChannelAsync(CancellationToken cancellationToken = default)
    {
        const string Method = "broker_close_private_btc_channel";
        var json = new RpcJson(Method);
        return U64(json, await WriteAsync(Method, [], cancellationToken).ConfigureAwait(false), "result");
    }

    private static string WithdrawalAddress(string address, string field)
    {
        AddressParseResult parsed = EthereumAddress.Instance.Parse(address);
        return parsed.IsValid
            ? EthereumAddress.ToWire(parsed.Canonical!)
            : throw new ArgumentException($"'{address}' is not an Ethereum withdrawal address: it {parsed.Detail}.", field);
    }

    private static JsonNode? Affiliates(BeneficiaryList beneficiaries)
    {
        ArgumentNullException.ThrowIfNull(beneficiaries);
        if (beneficiaries.Affiliates.IsEmpty)
        {
            return null;
        }

        var list = new JsonArray();
        for (int i = 0; i < beneficiaries.Affiliates.Length; i++)
        {
            Beneficiary affiliate = beneficiaries.Affiliates[i];
            AddressParseResult parsed = ChainflipAccountId.TryRead(affiliate.Account, anyNetwork: true, out ChainflipAccountId? id);
            if (!parsed.IsValid)
            {
                throw new ArgumentException($"Beneficiary {i} ('{affiliate.Account}') is not an SS58 account id: it {parsed.Detail}.", nameof(beneficiaries));
            }

            list.Add(new JsonObject { ["account"] = id!.Address, ["bps"] = affiliate.Bps });
        }

        return list;
    }

    private static JsonNode?[] VaultSwapParameters(VaultSwapRequest request) =>
    [
        request.Source.ToJson(), request.Destination.ToJson(), request.DestinationAddress, request.Beneficiaries.BrokerCommissionBps,
        request.ExtraParameters(), null, request.BoostFeeBps, Affiliates(request.Beneficiaries), request.Dca?.ToJson(),
    ];

    private static int BoostFee(int bps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bps, "BoostFeeBps");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bps, MaxBps, "BoostFeeBps");
        return bps;
    }

    private static T Required<T>(T? value, string field)
        where T : class =>
        value is string { Length: 0 } || value is null ? throw new ArgumentException($"{field} is required.", field) : value;
}
