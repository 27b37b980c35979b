using Affiliates.Settlement;

namespace Affiliates.Programs;

/// <summary>The result of settling one epoch of a registry.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Epoch">The epoch, when the registry exists.</param>
/// <param name="Statements">The epoch's statements, ordered by payee (empty unless settled now or before).</param>
/// <param name="Settlement">The full settlement with payouts and Merkle root, when it was computed by this call.</param>
public sealed record SettlementResult(
    SettlementOutcome Outcome,
    Epoch? Epoch,
    IReadOnlyList<EpochStatement> Statements,
    EpochSettlement? Settlement)
{
    /// <summary>Gets the epoch that must settle first, for <see cref="SettlementOutcome.EarlierEpochOpen"/> (or the first epoch, for <see cref="SettlementOutcome.BeforeFirstEpoch"/>).</summary>
    public Epoch? OpenEpoch { get; init; }
}
