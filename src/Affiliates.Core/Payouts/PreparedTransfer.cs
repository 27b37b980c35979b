namespace Affiliates.Payouts;

/// <summary>A signed transfer ready to broadcast, exactly as the dispatcher stores it and gives it back to the rail.</summary>
/// <param name="Key">The <see cref="TransferRequest.Key"/> it was prepared for.</param>
/// <param name="Payload">The exact bytes to broadcast (a serialized signed transaction, a request body); never logged.</param>
/// <param name="TransactionId">
/// The chain's id for the transfer when it is known before broadcast (a Solana signature, an EVM transaction hash), else
/// <see langword="null"/> until a status returns one.
/// </param>
/// <param name="Reconciliation">
/// Whatever else the rail needs to judge the transfer after a restart, opaque to the core and stored verbatim (a Solana
/// last valid block height; an EVM sender and nonce; a Chainflip affiliate account and balance). Never a key.
/// </param>
public sealed record PreparedTransfer(string Key, ReadOnlyMemory<byte> Payload, string? TransactionId, string Reconciliation)
{
    /// <summary>Gets the transfer key.</summary>
    public string Key { get; } = string.IsNullOrEmpty(Key) ? throw new ArgumentException("Key must not be empty.", nameof(Key)) : Key;

    /// <summary>Gets the reconciliation data, empty when the rail needs none.</summary>
    public string Reconciliation { get; } = Preconditions.NotNull(Reconciliation);
}
