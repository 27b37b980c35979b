using System.Globalization;
using System.Text.Json;
using Affiliates.Payouts;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Rpc;
using Affiliates.Solana.Transactions;
using NodaTime;

namespace Affiliates.Solana.Payouts;

/// <summary>Pays SOL and SPL tokens (USDC) on Solana: several payouts per legacy transaction, signed by the payer.</summary>
/// <remarks>
/// <para>
/// A transfer is one transaction: a memo naming the transfer key and attempt (so any attempt that landed can be told
/// from the chain), then per line a System transfer, or for a token an idempotent creation of the payee's associated
/// token account followed by <c>TransferChecked</c> from the payer's. Its signature is known before broadcast and the
/// blockhash's last valid block height is kept as reconciliation data.
/// </para>
/// <para>
/// Status is read by signature. A transfer the cluster does not know is <see cref="TransferState.Expired"/> only when
/// the finalized block height has passed its last valid block height, so that it can provably never land; until then
/// it is <see cref="TransferState.Unknown"/> and the dispatcher sends the same bytes again. A landed transfer counts,
/// confirmed or failed, only once it reaches the configured commitment.
/// </para>
/// <para>
/// Refused for good (<see cref="PayoutRejectedException"/>): a payee that is not a Solana address; an amount above
/// u64; a token payee that is not a wallet key (off the curve, usually a token account pasted instead of its owner);
/// a SOL payout below the rent-exempt minimum to an account that does not exist yet; a mint that does not exist or
/// whose decimals differ from the asset's. A payer short of SOL or tokens is a <see cref="SolanaRpcException"/> of
/// kind <see cref="SolanaRpcErrorKind.InsufficientFunds"/>: nothing moved, and the dispatcher retries once it is funded.
/// </para>
/// </remarks>
internal sealed class SolanaPayoutRail : IPayoutRail
{
    private const int NativeDecimals = 9;

    private readonly Func<SolanaRpcClient> rpc;
    private readonly Keypair? payer;
    private readonly SolanaCommitment commitment;
    private readonly ulong computeUnitPrice;

    public SolanaPayoutRail(Func<SolanaRpcClient> rpc, SolanaOptions options)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(options);
        this.rpc = rpc;
        payer = options.Payer;
        commitment = options.Commitment;
        computeUnitPrice = options.ComputeUnitPrice;
        Name = options.RailName;
        Profile = new PayoutRailProfile(
            options.MaxPayoutsPerTransaction,
            ConfirmationDepth,
            Duration.FromTimeSpan(options.PollInterval));
    }

    public string Name { get; }

    public PayoutRailProfile Profile { get; }

    // A status reports the commitment reached, not a count of blocks: depth 1 is "at the configured commitment".
    private static int ConfirmationDepth => 1;

    public bool Pays(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return payer is not null
            && asset.Chain == Chains.Solana
            && (asset.Contract is null ? asset.Decimals == NativeDecimals : PublicKey.TryParse(asset.Contract, out _) && asset.Decimals <= byte.MaxValue);
    }

    public async ValueTask<PreparedTransfer> PrepareAsync(TransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Keypair signer = payer ?? throw new InvalidOperationException($"The Solana payout rail has no {nameof(SolanaOptions.Payer)}; set it in AddSolana.");
        if (request.Lines.Count > Profile.MaxIntentsPerTransfer)
        {
            throw new ArgumentException($"A Solana payout transaction carries at most {Profile.MaxIntentsPerTransfer} payouts; {request.Lines.Count} were given.", nameof(request));
        }

        Asset asset = request.Lines[0].Asset;
        if (!Pays(asset) || request.Lines.Any(l => l.Asset != asset))
        {
            throw new PayoutRejectedException(request.Lines[0].PayoutId, $"the Solana rail does not pay {asset} in one transaction with the other lines");
        }

        SolanaRpcClient client = rpc();
        var payments = new List<(PublicKey Payee, ulong Amount)>(request.Lines.Count);
        foreach (TransferLine line in request.Lines)
        {
            payments.Add((Payee(line), Units(line)));
        }

        List<TransactionInstruction> instructions = [];
        if (computeUnitPrice > 0)
        {
            instructions.Add(ComputeBudgetProgram.SetComputeUnitPrice(computeUnitPrice));
        }

        instructions.Add(MemoProgram.NewMemo(Memo(request), signer.PublicKey));
        if (asset.Contract is null)
        {
            await AddSolPaymentsAsync(client, request, payments, signer, instructions, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AddTokenPaymentsAsync(client, request, asset, payments, signer, instructions, cancellationToken).ConfigureAwait(false);
        }

        LatestBlockhash blockhash = await client.GetLatestBlockhashAsync(cancellationToken).ConfigureAwait(false);
        Transaction transaction = Transaction.Sign(LegacyMessage.Compile(signer.PublicKey, blockhash.Blockhash, instructions), [signer]);
        byte[] bytes = transaction.Serialize();
        if (bytes.Length > Transaction.MaxSize)
        {
            throw new InvalidOperationException($"The payout transaction is {bytes.Length} bytes, above Solana's {Transaction.MaxSize}; lower {nameof(SolanaOptions.MaxPayoutsPerTransaction)}.");
        }

        return new PreparedTransfer(request.Key, bytes, transaction.Id, Reconciliation.Write(blockhash));
    }

    public async ValueTask<TransferStatus> BroadcastAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        string signature = SignatureOf(transfer);
        try
        {
            await rpc().SendTransactionAsync(transfer.Payload.ToArray(), cancellationToken).ConfigureAwait(false);
            return TransferStatus.Pending(signature);
        }
        catch (SolanaRpcException e) when (e.Kind == SolanaRpcErrorKind.AlreadyProcessed)
        {
            return TransferStatus.Pending(signature);
        }
        catch (SolanaRpcException e) when (e.Kind == SolanaRpcErrorKind.BlockhashNotFound)
        {
            // A lagging node also says "not found" for a blockhash newer than its tip: only the finalized height decides.
            return await GetStatusAsync(transfer, cancellationToken).ConfigureAwait(false);
        }
        catch (SolanaRpcException e) when (e.Kind is SolanaRpcErrorKind.InsufficientFundsForRent or SolanaRpcErrorKind.SignatureVerification
            || (e.Kind == SolanaRpcErrorKind.PreflightFailure && e.TransactionError is { } error && error.Contains("InstructionError", StringComparison.Ordinal)))
        {
            return TransferStatus.Failed($"refused by preflight: {e.TransactionError ?? e.Kind.ToString()}", signature);
        }
    }

    public async ValueTask<TransferStatus> GetStatusAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        string signature = SignatureOf(transfer);
        ulong lastValid = Reconciliation.LastValidBlockHeight(transfer.Reconciliation);
        SolanaRpcClient client = rpc();

        // The height is read before the status: a transfer that lands in between is then seen as landed, never as expired.
        ulong finalizedHeight = await client.GetBlockHeightAsync(SolanaCommitment.Finalized, cancellationToken).ConfigureAwait(false);
        SignatureStatus? status = (await client.GetSignatureStatusesAsync([signature], cancellationToken).ConfigureAwait(false))[0];
        if (status is null)
        {
            return finalizedHeight > lastValid
                ? TransferStatus.Expired($"blockhash expired: finalized block height {finalizedHeight.ToString(CultureInfo.InvariantCulture)} is past the last valid height {lastValid.ToString(CultureInfo.InvariantCulture)}, and the transaction never landed")
                : TransferStatus.Unknown;
        }

        if (!status.Reached(commitment))
        {
            return TransferStatus.Pending(signature);
        }

        return status.Error is { } error
            ? TransferStatus.Failed($"the transaction landed in slot {status.Slot.ToString(CultureInfo.InvariantCulture)} and failed: {error}", signature)
            : TransferStatus.Confirmed(ConfirmationDepth, signature);
    }

    internal static string Memo(TransferRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"affiliates payout {request.Key} attempt {request.Attempt}");

    private static async Task AddSolPaymentsAsync(SolanaRpcClient client, TransferRequest request, List<(PublicKey Payee, ulong Amount)> payments, Keypair signer, List<TransactionInstruction> instructions, CancellationToken cancellationToken)
    {
        ulong rentExempt = await client.GetMinimumBalanceForRentExemptionAsync(0, cancellationToken).ConfigureAwait(false);
        var opened = new Dictionary<PublicKey, ulong>();
        for (int i = 0; i < payments.Count; i++)
        {
            (PublicKey payee, ulong amount) = payments[i];
            if (!opened.TryGetValue(payee, out ulong before))
            {
                before = await client.GetBalanceAsync(payee, cancellationToken).ConfigureAwait(false);
            }

            ulong after = checked(before + amount);
            if (before == 0 && after < rentExempt)
            {
                throw new PayoutRejectedException(
                    request.Lines[i].PayoutId,
                    $"{amount} lamports to {payee}, an account that does not exist yet, is below the rent-exempt minimum of {rentExempt} lamports");
            }

            opened[payee] = after;
            instructions.Add(SystemProgram.Transfer(signer.PublicKey, payee, amount));
        }
    }

    private static async Task AddTokenPaymentsAsync(SolanaRpcClient client, TransferRequest request, Asset asset, List<(PublicKey Payee, ulong Amount)> payments, Keypair signer, List<TransactionInstruction> instructions, CancellationToken cancellationToken)
    {
        var mint = new PublicKey(asset.Contract!);
        AccountInfo? mintAccount = await client.GetAccountInfoAsync(mint, cancellationToken).ConfigureAwait(false);
        string first = request.Lines[0].PayoutId;
        if (mintAccount is null)
        {
            throw new PayoutRejectedException(first, $"the mint {mint} of {asset} does not exist");
        }

        PublicKey tokenProgram = mintAccount.Owner;
        if (tokenProgram != TokenProgram.ProgramId && tokenProgram != TokenProgram.Token2022ProgramId)
        {
            throw new PayoutRejectedException(first, $"{mint} is not a token mint: it is owned by {tokenProgram}");
        }

        if (mintAccount.Data.Length < TokenProgram.MintLength || mintAccount.Data[44] != asset.Decimals)
        {
            throw new PayoutRejectedException(first, $"the mint {mint} has {(mintAccount.Data.Length < TokenProgram.MintLength ? "no" : mintAccount.Data[44].ToString(CultureInfo.InvariantCulture))} decimals, but {asset} has {asset.Decimals}");
        }

        PublicKey source = AssociatedTokenAccountProgram.Derive(signer.PublicKey, mint, tokenProgram);
        for (int i = 0; i < payments.Count; i++)
        {
            (PublicKey payee, ulong amount) = payments[i];
            if (!payee.IsOnCurve())
            {
                throw new PayoutRejectedException(request.Lines[i].PayoutId, $"{payee} is not a wallet key (it is off the Ed25519 curve, such as a token account or a program address); pay its owner's wallet address instead");
            }

            PublicKey destination = AssociatedTokenAccountProgram.Derive(payee, mint, tokenProgram);
            instructions.Add(AssociatedTokenAccountProgram.CreateIdempotent(signer.PublicKey, payee, mint, tokenProgram));
            instructions.Add(TokenProgram.TransferChecked(source, mint, destination, signer.PublicKey, amount, (byte)asset.Decimals, tokenProgram));
        }
    }

    private static PublicKey Payee(TransferLine line)
    {
        var result = PublicKey.Read(line.PayeeAddress, out PublicKey? payee);
        return payee ?? throw new PayoutRejectedException(line.PayoutId, $"the payee '{line.PayeeAddress}' is not a Solana address: it {result.Detail}");
    }

    private static ulong Units(TransferLine line) =>
        line.Amount.Units <= ulong.MaxValue
            ? (ulong)line.Amount.Units
            : throw new PayoutRejectedException(line.PayoutId, $"{line.Amount} base units do not fit Solana's u64 amounts");

    private static string SignatureOf(PreparedTransfer transfer)
    {
        try
        {
            return Transaction.Deserialize(transfer.Payload.Span).Id;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Transfer {transfer.Key} does not hold a Solana transaction: {e.Message}", nameof(transfer), e);
        }
    }

    /// <summary>The reconciliation data of a Solana transfer: its blockhash and last valid block height, as JSON.</summary>
    private static class Reconciliation
    {
        public static string Write(LatestBlockhash blockhash) =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"blockhash\":\"{blockhash.Blockhash}\",\"lastValidBlockHeight\":{blockhash.LastValidBlockHeight}}}");

        public static ulong LastValidBlockHeight(string reconciliation)
        {
            ulong? value = null;
            try
            {
                using var document = JsonDocument.Parse(reconciliation);
                value = document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("lastValidBlockHeight", out JsonElement height)
                    && height.ValueKind == JsonValueKind.Number
                    && height.TryGetUInt64(out ulong parsed) ? parsed : null;
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"'{reconciliation}' is not a Solana transfer's reconciliation data: {e.Message}", nameof(reconciliation), e);
            }

            return value ?? throw new ArgumentException($"'{reconciliation}' is not a Solana transfer's reconciliation data: it has no lastValidBlockHeight.", nameof(reconciliation));
        }
    }
}
