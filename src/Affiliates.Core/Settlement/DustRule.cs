namespace Affiliates.Settlement;

/// <summary>When a balance that never reaches the minimum payout is swept to the protocol.</summary>
/// <remarks>
/// A positive balance below the minimum payout is carried forward. It becomes dust, and is swept to the protocol as
/// the statement's explicit <see cref="EpochStatement.DustSwept"/> amount, in two cases only: the partner earned
/// nothing (no lines) for <see cref="IdleEpochs"/> consecutive settled epochs while holding it, or the partner is
/// being closed. A closed partner's balance at or above the minimum is paid, never swept; a negative balance is never
/// swept (it stays as a debt that nets future earnings).
/// </remarks>
/// <param name="IdleEpochs">Consecutive idle epochs after which a balance below the minimum is swept; null never sweeps.</param>
public sealed record DustRule(int? IdleEpochs)
{
    /// <summary>Gets the number of idle epochs before a sweep, or null for never.</summary>
    public int? IdleEpochs { get; } = IdleEpochs is < 1
        ? throw new ArgumentOutOfRangeException(nameof(IdleEpochs), IdleEpochs, "IdleEpochs must be at least 1.")
        : IdleEpochs;

    /// <summary>Gets the rule that only sweeps what is left when a partner is closed.</summary>
    public static DustRule OnlyWhenClosed { get; } = new((int?)null);
}
