namespace Affiliates.Settlement;

/// <summary>What a payee carries from one epoch into the next.</summary>
/// <param name="CarryIn">Unpaid balance: positive below the minimum payout, or negative after refunds.</param>
/// <param name="Tier">The name of the tier held, or empty for none.</param>
/// <param name="LifetimeRevenue">Attributed revenue over all settled epochs, refunds netted.</param>
/// <param name="IdleEpochs">Consecutive settled epochs without lines while holding a positive balance below the minimum.</param>
/// <param name="TierMetric">The tier metric the tier was read at: with tiers that never go down, the highest ever reached.</param>
public sealed record PartnerState(Amount CarryIn, string Tier, Amount LifetimeRevenue, int IdleEpochs, Int128 TierMetric = default)
{
    /// <summary>Gets the tier name, empty for none.</summary>
    public string Tier { get; } = Preconditions.NotNull(Tier);

    /// <summary>Gets the idle epoch count.</summary>
    public int IdleEpochs { get; } = IdleEpochs < 0
        ? throw new ArgumentOutOfRangeException(nameof(IdleEpochs), IdleEpochs, "IdleEpochs must not be negative.")
        : IdleEpochs;

    /// <summary>Gets the state of a payee never settled before.</summary>
    public static PartnerState New { get; } = new(Amount.Zero, string.Empty, Amount.Zero, 0);

    /// <summary>Returns the state a payee leaves <paramref name="statement"/> with.</summary>
    public static PartnerState After(EpochStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new PartnerState(statement.CarryOut, statement.Tier, statement.LifetimeRevenue, statement.IdleEpochs, statement.TierMetric);
    }
}
