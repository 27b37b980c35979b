namespace Affiliates.Payouts;

/// <summary>A way to move money to payees on one chain: what the core's payout dispatcher sends transfers through.</summary>
/// <remarks>
/// <para>
/// The dispatcher drives every transfer through the same steps and stores what it learns between them, so that a rail
/// keeps no state of its own across a restart:
/// </para>
/// <list type="number">
/// <item><see cref="PrepareAsync"/> builds and signs a transfer for up to <see cref="PayoutRailProfile.MaxIntentsPerTransfer"/>
/// lines, without touching the chain's state (reading a blockhash or a nonce is fine). The dispatcher stores the
/// result, exact bytes included, before anything is broadcast; a prepared transfer that was never stored was never
/// sent.</item>
/// <item><see cref="BroadcastAsync"/> submits the stored bytes. The dispatcher calls it for a new transfer, and again,
/// with the same bytes, whenever <see cref="GetStatusAsync"/> says <see cref="TransferState.Unknown"/>; sending the same
/// bytes twice must be harmless ("already known" and "already processed" are not errors).</item>
/// <item><see cref="GetStatusAsync"/> is polled every <see cref="PayoutRailProfile.PollInterval"/> until the transfer is
/// <see cref="TransferState.Confirmed"/> at <see cref="PayoutRailProfile.ConfirmationDepth"/>, or
/// <see cref="TransferState.Failed"/>, or <see cref="TransferState.Expired"/>. After a crash the dispatcher reads the
/// status of every stored transfer before it does anything else.</item>
/// </list>
/// <para>
/// The dispatcher prepares a second transfer for the same lines only when every earlier one is
/// <see cref="TransferState.Expired"/> (it can never land), or through <see cref="ReplaceAsync"/>, whose result can land
/// only if the transfer it replaces does not. How chains fit: a Solana transfer is a signed transaction whose
/// blockhash expires at a last valid block height (kept in <see cref="PreparedTransfer.Reconciliation"/>); an EVM
/// transfer is a signed transaction at a nonce, replaced by one at the same nonce with a higher fee, and expired once
/// that nonce is final under another transaction; a Chainflip transfer is a broker withdrawal request whose chain id is
/// known only once it is in a block (returned in <see cref="TransferStatus.TransactionId"/>).
/// </para>
/// <para>
/// Errors: a line the rail can never pay (an invalid payee address, an asset it does not pay) is a
/// <see cref="PayoutRejectedException"/>; the dispatcher fails that payout and prepares the others again. Any other
/// exception is taken as transient and retried with backoff. Implementations must be safe to call concurrently and
/// must never put keys in exceptions or statuses.
/// </para>
/// </remarks>
public interface IPayoutRail
{
    /// <summary>Gets the rail's name, stored with every transfer it prepares so that a restarted host asks the same rail; keep it stable.</summary>
    string Name { get; }

    /// <summary>Gets how many intents fit in one transfer, how deep a confirmation must be, and how often to poll.</summary>
    PayoutRailProfile Profile { get; }

    /// <summary>Returns whether this rail pays in <paramref name="asset"/>.</summary>
    bool Pays(Asset asset);

    /// <summary>Builds and signs one transfer paying every line of <paramref name="request"/>, without broadcasting it.</summary>
    /// <param name="request">The lines, all in one asset this rail pays, at most <see cref="PayoutRailProfile.MaxIntentsPerTransfer"/> of them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PayoutRejectedException">A line can never be paid by this rail.</exception>
    ValueTask<PreparedTransfer> PrepareAsync(TransferRequest request, CancellationToken cancellationToken = default);

    /// <summary>Submits a prepared transfer's exact bytes; submitting them again must be harmless.</summary>
    /// <returns>What the chain said: usually <see cref="TransferState.Pending"/>; <see cref="TransferState.Expired"/> when it
    /// can no longer land (a blockhash not found, a nonce already used); <see cref="TransferState.Failed"/> when it was
    /// refused for good; <see cref="TransferState.Confirmed"/> when the call returns once the transfer is in a block.</returns>
    ValueTask<TransferStatus> BroadcastAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default);

    /// <summary>Reads where a prepared transfer is on chain.</summary>
    /// <remarks><see cref="TransferState.Expired"/> must be certain: the transfer can never land, at the chain's finality.</remarks>
    ValueTask<TransferStatus> GetStatusAsync(PreparedTransfer transfer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Prepares a transfer of the same lines that can land only if <paramref name="stuck"/> does not (an EVM transaction
    /// at the same nonce with a higher fee), or returns <see langword="null"/> when the rail has no such thing.
    /// </summary>
    /// <remarks>Called once <paramref name="stuck"/> has been pending for <see cref="PayoutRailProfile.ReplaceAfter"/>. The default returns <see langword="null"/>.</remarks>
    /// <param name="stuck">The transfer still pending.</param>
    /// <param name="request">The same lines as <paramref name="stuck"/>, with the next attempt number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<PreparedTransfer?> ReplaceAsync(PreparedTransfer stuck, TransferRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<PreparedTransfer?>(null);
}
