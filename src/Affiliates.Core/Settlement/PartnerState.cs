namespace Affiliates.Settlement;

/// <summary>What a partner carries from one epoch into the next.</summary>
/// <param name="CarriedBalance">Unpaid balance: positive below the minimum payout, or negative after clawbacks.</param>
/// <param name="Tier">The name of the tier held (sticky ladders never go below it), or null for none yet.</param>
/// <param name="LifetimeRevenue">Attributed revenue over all settled epochs, clawbacks netted.</param>
/// <param name="LifetimeReferrals">Referrals brought in over all settled epochs.</param>
/// <param name="IdleEpochs">Consecutive settled epochs without lines while holding a positive balance below the minimum.</param>
public sealed record PartnerState(Amount CarriedBalance, string? Tier, Amount LifetimeRevenue, long LifetimeReferrals, int IdleEpochs)
{
    /// <summary>Gets the lifetime referral count.</summary>
    public long LifetimeReferrals { get; } = LifetimeReferrals < 0
        ? throw new ArgumentOutOfRangeException(nameof(LifetimeReferrals), LifetimeReferrals, "LifetimeReferrals must not be negative.")
        : LifetimeReferrals;

    /// <summary>Gets the idle epoch count.</summary>
    public int IdleEpochs { get; } = IdleEpochs < 0
        ? throw new ArgumentOutOfRangeException(nameof(IdleEpochs), IdleEpochs, "IdleEpochs must not be negative.")
        : IdleEpochs;

    /// <summary>Gets the state of a partner never settled before.</summary>
    public static PartnerState New { get; } = new(Amount.Zero, null, Amount.Zero, 0, 0);
}
