using System.Globalization;
using System.Numerics;
using Affiliates.Payouts;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;

namespace Affiliates.Evm;

/// <summary>
/// Pays ERC-20 tokens and the native coin from one hot wallet, one payout per EIP-1559 transaction.
/// </summary>
/// <remarks>
/// Prepare checks the node's chain id, the payee, the asset and the wallet's funds, estimates gas, takes fees from the
/// fee history under the cap and a nonce from <see cref="EvmNonceManager"/>, and signs; the hash is known before
/// broadcast. Status: a receipt decides (success is confirmed at its depth; a revert fails once it is as deep as a
/// confirmation must be); without one, a nonce used by another transaction in a block that deep expires the transfer,
/// a transaction in the mempool is pending, and anything else is unknown, so the same bytes are sent again. A stuck
/// transfer is replaced at the same nonce with both fee caps raised; one stuck behind a nonce gap (a lower nonce
/// prepared and never sent) is not replaced, the gap is filled with zero-value transfers to the hot wallet instead.
/// </remarks>
internal sealed class EvmPayoutRail : IPayoutRail
{
    private const int NativeTransferGas = 21_000;

    private readonly EvmOptions options;
    private readonly EvmRpc? node;
    private readonly EvmNonceManager nonces;
    private readonly HashSet<string> tokens;
    private volatile bool chainChecked;

    public EvmPayoutRail(EvmOptions options, EvmRpc? rpc, EvmNonceManager nonces)
    {
        this.options = options;
        node = rpc;
        this.nonces = nonces;
        tokens = new HashSet<string>(options.TokenContracts.Select(t => EvmAddressCodec.Instance.Parse(t).Canonical!), StringComparer.Ordinal);
        Profile = new PayoutRailProfile(1, options.Confirmations, options.PollInterval, options.ReplaceAfter);
    }

    public string Name => "evm:" + options.Chain;

    public PayoutRailProfile Profile { get; }

    public bool Pays(Asset asset) =>
        options.Signer is not null
        && node is not null
        && asset is not null
        && string.Equals(asset.Chain, options.Chain, StringComparison.Ordinal)
        && (asset.Contract is null ? asset.Decimals == 18 : tokens.Contains(EvmAddressCodec.Instance.Parse(asset.Contract).Canonical ?? string.Empty));

    public async ValueTask<PreparedTransfer> PrepareAsync(TransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lines.Count != 1)
        {
            throw new ArgumentException($"The EVM rail pays one line per transfer, not {request.Lines.Count}.", nameof(request));
        }

        IEvmSigner signer = Signer();
        TransferLine line = request.Lines[0];
        if (!Pays(line.Asset))
        {
            throw new PayoutRejectedException(line.PayoutId, $"the EVM rail for {options.Chain} does not pay {line.Asset}");
        }

        string payee = Payee(line);
        await EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        var amount = (BigInteger)line.Amount.Units;
        string from = signer.Address;
        bool native = line.Asset.Contract is null;
        string to = native ? payee : EvmAddressCodec.Instance.Parse(line.Asset.Contract!).Canonical!;
        BigInteger value = native ? amount : BigInteger.Zero;
        byte[] data = native ? [] : Abi.Transfer(payee, amount);
        if (!native)
        {
            BigInteger held = await TokenBalanceAsync(to, from, cancellationToken).ConfigureAwait(false);
            if (held < amount)
            {
                throw new EvmPayoutException(EvmPayoutProblem.InsufficientFunds, $"The hot wallet {from} holds {held} base units of {line.Asset}, less than the {amount} to pay.");
            }
        }

        BigInteger gas = await EstimateGasAsync(line, from, to, value, data, cancellationToken).ConfigureAwait(false);
        EvmFees fees = await EvmFees.SuggestAsync(Rpc, options.PriorityFeePercentile, options.MaxFeePerGas, cancellationToken).ConfigureAwait(false);
        BigInteger balance = await Rpc.BalanceAsync(from, cancellationToken).ConfigureAwait(false);
        BigInteger cost = value + (gas * fees.MaxFeePerGas);
        if (balance < cost)
        {
            throw new EvmPayoutException(EvmPayoutProblem.InsufficientFunds, $"The hot wallet {from} holds {balance} wei, less than the {cost} wei this transfer may cost (value and gas at the max fee).");
        }

        BigInteger nonce = await nonces.ReserveAsync(from, ct => Rpc.PendingNonceAsync(from, ct), cancellationToken).ConfigureAwait(false);
        Transaction1559 transaction = EvmTransaction.Create(options.ChainId, nonce, fees, gas, to, value, data);
        return await SignAsync(signer, request.Key, transaction, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<TransferStatus> BroadcastAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        await EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string hash = await Rpc.SendRawTransactionAsync(transfer.Payload.ToArray(), cancellationToken).ConfigureAwait(false);
            return TransferStatus.Pending(hash);
        }
        catch (RpcResponseException e) when (EvmNodeErrors.Has(e.RpcError, "already known") || EvmNodeErrors.Has(e.RpcError, "known transaction"))
        {
            return TransferStatus.Pending(transfer.TransactionId);
        }
        catch (RpcResponseException e) when (EvmNodeErrors.Has(e.RpcError, "nonce too low") || EvmNodeErrors.Has(e.RpcError, "underpriced"))
        {
            // Another transaction holds the nonce (or this one is already mined): the receipt and the nonce decide.
            return await GetStatusAsync(transfer, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (EvmNodeErrors.Has(e.RpcError, "insufficient funds"))
        {
            throw new EvmPayoutException(EvmPayoutProblem.InsufficientFunds, $"The node refused the transfer for lack of funds: {e.RpcError.Message}");
        }
    }

    public async ValueTask<TransferStatus> GetStatusAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        (string from, BigInteger nonce) = Reconciliation(transfer);
        string hash = transfer.TransactionId ?? throw new ArgumentException("An EVM transfer always has its hash.", nameof(transfer));
        TransactionReceipt? receipt = await Rpc.ReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        BigInteger head = await Rpc.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
        if (receipt?.BlockNumber is { } block)
        {
            int depth = (int)BigInteger.Min(head - block.Value + 1, int.MaxValue);
            if (receipt.Status?.Value == BigInteger.One)
            {
                return TransferStatus.Confirmed(Math.Max(depth, 1), hash);
            }

            return depth >= options.Confirmations
                ? TransferStatus.Failed($"the transaction reverted in block {block.Value} and moved nothing", hash)
                : TransferStatus.Pending(hash);
        }

        BigInteger finalBlock = BigInteger.Max(BigInteger.Zero, head - options.Confirmations + 1);
        if (await Rpc.NonceAtAsync(from, finalBlock, cancellationToken).ConfigureAwait(false) > nonce)
        {
            return TransferStatus.Expired($"nonce {nonce} of {from} was used by another transaction, {options.Confirmations} blocks deep");
        }

        if (await Rpc.LatestNonceAsync(from, cancellationToken).ConfigureAwait(false) > nonce
            || await Rpc.TransactionAsync(hash, cancellationToken).ConfigureAwait(false) is not null)
        {
            return TransferStatus.Pending(hash);
        }

        return TransferStatus.Unknown;
    }

    public async ValueTask<PreparedTransfer?> ReplaceAsync(PreparedTransfer stuck, TransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stuck);
        ArgumentNullException.ThrowIfNull(request);
        IEvmSigner signer = Signer();
        Transaction1559 old = EvmTransaction.Decode(stuck.Payload);
        BigInteger pendingCount = await Rpc.PendingNonceAsync(signer.Address, cancellationToken).ConfigureAwait(false);
        if (old.Nonce!.Value > pendingCount)
        {
            // A lower nonce was prepared but never sent, so the node queues this one behind the gap; a higher fee would
            // not help and the same lines at another nonce could land twice. Filling the gap lets it land.
            await FillNonceGapAsync(signer, pendingCount, old.Nonce.Value, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var oldFees = new EvmFees(old.MaxFeePerGas!.Value, old.MaxPriorityFeePerGas!.Value);
        EvmFees suggested;
        try
        {
            suggested = await EvmFees.SuggestAsync(Rpc, options.PriorityFeePercentile, options.MaxFeePerGas, cancellationToken).ConfigureAwait(false);
        }
        catch (EvmPayoutException e) when (e.Problem == EvmPayoutProblem.FeeCapExceeded)
        {
            suggested = oldFees;
        }

        if (EvmFees.Replacement(oldFees, suggested, options.FeeBumpPercent, options.MaxFeePerGas) is not { } fees)
        {
            return null;
        }

        byte[] data = EcdsaSignature.HexBytes(old.Data) ?? [];
        Transaction1559 replacement = EvmTransaction.Create(options.ChainId, old.Nonce!.Value, fees, old.GasLimit!.Value, old.ReceiverAddress, old.Amount!.Value, data);
        return await SignAsync(signer, request.Key, replacement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a zero-value transfer to the hot wallet itself at each nonce from <paramref name="from"/> below <paramref name="to"/>.</summary>
    /// <remarks>A transfer that was prepared at one of these nonces and is sent later expires; its lines are prepared again.</remarks>
    private async Task FillNonceGapAsync(IEvmSigner signer, BigInteger from, BigInteger to, CancellationToken cancellationToken)
    {
        EvmFees fees = await EvmFees.SuggestAsync(Rpc, options.PriorityFeePercentile, options.MaxFeePerGas, cancellationToken).ConfigureAwait(false);
        for (BigInteger nonce = from; nonce < to; nonce++)
        {
            Transaction1559 filler = EvmTransaction.Create(options.ChainId, nonce, fees, NativeTransferGas, signer.Address, BigInteger.Zero, []);
            (byte[] raw, _) = await EvmTransaction.SignAsync(signer, filler, cancellationToken).ConfigureAwait(false);
            try
            {
                await Rpc.SendRawTransactionAsync(raw, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcResponseException e) when (EvmNodeErrors.Has(e.RpcError, "nonce too low") || EvmNodeErrors.Has(e.RpcError, "already known") || EvmNodeErrors.Has(e.RpcError, "underpriced"))
            {
                // Something else filled this nonce meanwhile, which is all the filler was for.
            }
        }
    }

    private static (string From, BigInteger Nonce) Reconciliation(PreparedTransfer transfer)
    {
        string[] parts = transfer.Reconciliation.Split(':');
        if (parts.Length != 2 || !BigInteger.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger nonce))
        {
            throw new ArgumentException($"'{transfer.Reconciliation}' is not an EVM rail's 'sender:nonce'.", nameof(transfer));
        }

        return (parts[0], nonce);
    }

    private async Task<PreparedTransfer> SignAsync(IEvmSigner signer, string key, Transaction1559 transaction, CancellationToken cancellationToken)
    {
        (byte[] raw, string hash) = await EvmTransaction.SignAsync(signer, transaction, cancellationToken).ConfigureAwait(false);
        string reconciliation = string.Create(CultureInfo.InvariantCulture, $"{signer.Address}:{transaction.Nonce!.Value}");
        return new PreparedTransfer(key, raw, hash, reconciliation);
    }

    // The options validator demands an RPC URL whenever a signer is set, so a rail without a node has no signer either.
    private EvmRpc Rpc => node ?? throw new EvmPayoutException(EvmPayoutProblem.NoSigner, $"No {nameof(EvmOptions.RpcUrl)} and {nameof(EvmOptions.Signer)} are configured: the EVM rail cannot pay.");

    private IEvmSigner Signer() =>
        options.Signer ?? throw new EvmPayoutException(EvmPayoutProblem.NoSigner, $"No {nameof(EvmOptions.Signer)} is configured: the EVM rail cannot pay.");

    private static string Payee(TransferLine line)
    {
        Addresses.AddressParseResult parsed = EvmAddressCodec.Instance.Parse(line.PayeeAddress);
        if (!parsed.IsValid)
        {
            throw new PayoutRejectedException(line.PayoutId, $"the payee '{line.PayeeAddress}' is not an EVM address: {parsed.Detail}");
        }

        if (parsed.Canonical == "0x0000000000000000000000000000000000000000")
        {
            throw new PayoutRejectedException(line.PayoutId, "the payee is the zero address, where tokens are burnt");
        }

        return parsed.Canonical!;
    }

    private async Task EnsureChainAsync(CancellationToken cancellationToken)
    {
        if (chainChecked)
        {
            return;
        }

        BigInteger actual = await Rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (actual != options.ChainId)
        {
            throw new EvmPayoutException(EvmPayoutProblem.ChainIdMismatch, $"The node serves chain {actual}, not the configured chain {options.ChainId}.");
        }

        chainChecked = true;
    }

    private async Task<BigInteger> TokenBalanceAsync(string token, string owner, CancellationToken cancellationToken)
    {
        byte[] result = await Rpc.CallAsync(token, Abi.BalanceOf(owner), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"balanceOf on the token {token} reverted.");
        return result.Length == 32 ? new BigInteger(result, isUnsigned: true, isBigEndian: true) : throw new InvalidOperationException($"balanceOf on {token} returned {result.Length} bytes, not 32: is it an ERC-20 contract?");
    }

    private async Task<BigInteger> EstimateGasAsync(TransferLine line, string from, string to, BigInteger value, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            BigInteger estimate = await Rpc.EstimateGasAsync(from, to, value, data, cancellationToken).ConfigureAwait(false);
            // State can change between estimate and inclusion (a first transfer to a new holder costs more); a plain
            // transfer to an account without code costs exactly 21 000.
            return estimate == NativeTransferGas ? estimate : estimate * 6 / 5;
        }
        catch (RpcResponseException e) when (EvmNodeErrors.Has(e.RpcError, "insufficient funds"))
        {
            throw new EvmPayoutException(EvmPayoutProblem.InsufficientFunds, $"The hot wallet {from} cannot fund the transfer: {e.RpcError.Message}");
        }
        catch (RpcResponseException e) when (EvmNodeErrors.IsRevert(e.RpcError))
        {
            throw new PayoutRejectedException(line.PayoutId, $"the transfer would revert on chain: {e.RpcError.Message}");
        }
    }
}
