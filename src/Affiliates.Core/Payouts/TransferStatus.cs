namespace Affiliates.Payouts;

/// <summary>What a rail read about a transfer.</summary>
/// <param name="State">Where the transfer is.</param>
/// <param name="Depth">For <see cref="TransferState.Confirmed"/>, how many blocks deep it is (at least 1); otherwise 0.</param>
/// <param name="TransactionId">The chain's id for the transfer when the rail learnt it only now (a Chainflip tx hash), else <see langword="null"/>; the dispatcher stores it.</param>
/// <param name="Detail">Why, for <see cref="TransferState.Failed"/> and <see cref="TransferState.Expired"/>: the chain's error, never a key or signature.</param>
public sealed record TransferStatus(TransferState State, int Depth = 0, string? TransactionId = null, string? Detail = null)
{
    /// <summary>Gets the state.</summary>
    public TransferState State { get; } = Enum.IsDefined(State)
        ? State
        : throw new ArgumentOutOfRangeException(nameof(State), State, "State must be a defined transfer state.");

    /// <summary>Gets the confirmation depth: at least 1 when confirmed, else 0.</summary>
    public int Depth { get; } = (State == TransferState.Confirmed ? Depth >= 1 : Depth == 0)
        ? Depth
        : throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "Depth must be at least 1 for a confirmed transfer and 0 otherwise.");

    /// <summary>Gets the status of a transfer the chain does not know.</summary>
    public static TransferStatus Unknown { get; } = new(TransferState.Unknown);

    /// <summary>Returns the status of a transfer the chain has but has not confirmed.</summary>
    public static TransferStatus Pending(string? transactionId = null) => new(TransferState.Pending, 0, transactionId);

    /// <summary>Returns the status of a transfer that landed and succeeded, <paramref name="depth"/> blocks deep.</summary>
    public static TransferStatus Confirmed(int depth, string? transactionId = null) => new(TransferState.Confirmed, depth, transactionId);

    /// <summary>Returns the status of a transfer that moved no money and never will.</summary>
    public static TransferStatus Failed(string detail, string? transactionId = null) => new(TransferState.Failed, 0, transactionId, Preconditions.NotNull(detail));

    /// <summary>Returns the status of a transfer that never landed and never can.</summary>
    public static TransferStatus Expired(string detail) => new(TransferState.Expired, 0, null, Preconditions.NotNull(detail));
}
