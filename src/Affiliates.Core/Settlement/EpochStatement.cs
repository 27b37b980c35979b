using NodaTime;

namespace Affiliates.Settlement;

/// <summary>What one partner earned in one epoch of one registry, and what is paid or carried over.</summary>
/// <param name="RegistryId">The registry.</param>
/// <param name="EpochId">The epoch's id (unique within the registry).</param>
/// <param name="EpochStart">The epoch's inclusive start.</param>
/// <param name="EpochEnd">The epoch's exclusive end.</param>
/// <param name="Partner">The partner (the address the commission belongs to).</param>
/// <param name="Tier">The tier the partner was in for this epoch (empty when the program has no tiers).</param>
/// <param name="LifetimeRevenue">The partner's attributed revenue up to the end of this epoch, for sticky tiers.</param>
/// <param name="CarryIn">Unpaid commission carried in from the previous statement.</param>
/// <param name="Earned">Commission earned in this epoch (the sum of the lines' commissions).</param>
/// <param name="Payable">What is paid out for this epoch (zero below the minimum payout).</param>
/// <param name="CarryOut">What is carried to the next epoch: carry-in + earned − payable.</param>
/// <param name="Lines">The statement lines.</param>
/// <param name="Hash">The statement's content hash, so a partner can verify it.</param>
public sealed record EpochStatement(
    string RegistryId,
    string EpochId,
    Instant EpochStart,
    Instant EpochEnd,
    string Partner,
    string Tier,
    Amount LifetimeRevenue,
    Amount CarryIn,
    Amount Earned,
    Amount Payable,
    Amount CarryOut,
    IReadOnlyList<StatementLine> Lines,
    string Hash);
