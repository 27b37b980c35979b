using Affiliates.Settlement;

namespace Affiliates.Programs;

/// <summary>The result of settling an epoch.</summary>
/// <param name="Outcome">Settled, or why not.</param>
/// <param name="EpochId">The epoch's id (empty for an unknown registry).</param>
/// <param name="Settlement">The settlement, when settled now.</param>
public sealed record SettleResult(SettleOutcome Outcome, string EpochId, EpochSettlement? Settlement);
