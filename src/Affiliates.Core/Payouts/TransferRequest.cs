namespace Affiliates.Payouts;

/// <summary>What the dispatcher asks a rail to prepare: one transfer paying every line.</summary>
/// <param name="Key">
/// The key of the lines' transfer in the store, "tr-" and 40 lower-case hex digits derived from the payout ids alone:
/// every attempt at the same lines has the same key, and (key, attempt) names one prepared transfer. A rail may write
/// it into the transfer (a memo), so that any attempt that landed can be found on chain.
/// </param>
/// <param name="Attempt">1 for the first transfer of these lines, then one more for each transfer that expired or was replaced.</param>
/// <param name="Lines">The payments, ordered by payout id, all in one asset.</param>
public sealed record TransferRequest(string Key, int Attempt, IReadOnlyList<TransferLine> Lines)
{
    /// <summary>Gets the transfer key.</summary>
    public string Key { get; } = string.IsNullOrEmpty(Key) ? throw new ArgumentException("Key must not be empty.", nameof(Key)) : Key;

    /// <summary>Gets the attempt number, from 1.</summary>
    public int Attempt { get; } = Attempt >= 1 ? Attempt : throw new ArgumentOutOfRangeException(nameof(Attempt), Attempt, "Attempt must be at least 1.");

    /// <summary>Gets the lines, at least one.</summary>
    public IReadOnlyList<TransferLine> Lines { get; } = Preconditions.NotNull(Lines).Count > 0
        ? Lines
        : throw new ArgumentException("A transfer needs at least one line.", nameof(Lines));
}
