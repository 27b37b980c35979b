namespace Affiliates.Fees;

/// <summary>How one protocol fee divides between the protocol, the referring partner and the referred user.</summary>
/// <remarks>
/// <para>
/// The referral share is <c>fee × referral fee × multiplier</c>, computed in one exact step and truncated toward zero
/// (the product rate is never rounded first), and capped at the whole fee. The user's kickback is
/// <c>referral share × kickback</c> truncated toward zero; the partner gets the rest of the referral share and the
/// protocol gets the rest of the fee.
/// </para>
/// <para>
/// So the three parts sum exactly to the fee; the referral share is within one unit of its exact share of the fee, the
/// user's part within one unit of its exact share of the referral share, and every rounding unit goes to the partner
/// (from the user) or to the protocol (from the referral share). A negative fee (a clawback) splits as the exact
/// negation of the positive fee, because every step truncates toward zero.
/// </para>
/// </remarks>
public readonly record struct ReferralFeeSplit
{
    private const long FullScale = Rate.PartsPerMillionScale * Multiplier.Scale;

    private ReferralFeeSplit(Amount fee, Amount protocol, Amount partner, Amount user, Rate effectiveRate, bool multiplierCapped)
    {
        Fee = fee;
        Protocol = protocol;
        Partner = partner;
        User = user;
        EffectiveRate = effectiveRate;
        MultiplierCapped = multiplierCapped;
    }

    /// <summary>Gets the protocol fee that was split.</summary>
    public Amount Fee { get; }

    /// <summary>Gets what the protocol keeps: the fee minus the referral share.</summary>
    public Amount Protocol { get; }

    /// <summary>Gets what the partner earns: the referral share minus the user's kickback.</summary>
    public Amount Partner { get; }

    /// <summary>Gets the kickback to the referred user.</summary>
    public Amount User { get; }

    /// <summary>Gets the referral share, partner plus user.</summary>
    public Amount ReferralShare => Partner + User;

    /// <summary>
    /// Gets referral fee × multiplier, capped at 100 % and truncated to whole ppm, for display; the split itself uses
    /// the unrounded product.
    /// </summary>
    public Rate EffectiveRate { get; }

    /// <summary>Gets a value indicating whether referral fee × multiplier exceeded 100 % and was capped at the whole fee.</summary>
    public bool MultiplierCapped { get; }

    /// <summary>Splits <paramref name="fee"/> between protocol, partner and user.</summary>
    /// <param name="fee">The protocol fee; negative for a clawback.</param>
    /// <param name="referralFee">The partner's share of the protocol fee before the multiplier.</param>
    /// <param name="multiplier">The partner's volume multiplier.</param>
    /// <param name="kickback">The share of the referral share passed on to the user.</param>
    /// <returns>The split; see the type's remarks for the rounding rule.</returns>
    public static ReferralFeeSplit Compute(Amount fee, Rate referralFee, Multiplier multiplier, Rate kickback)
    {
        // At most 10^6 ppm × 10^9 millionths, so the product rate fits in a long.
        long scaledRate = referralFee.PartsPerMillion * multiplier.Millionths;
        bool capped = scaledRate > FullScale;
        long effective = Math.Min(scaledRate, FullScale);

        Amount referral = Amount.FromUnits(ExactMath.MulDiv(fee.Units, effective, FullScale));
        Amount user = referral.Times(kickback);
        return new ReferralFeeSplit(
            fee,
            protocol: fee - referral,
            partner: referral - user,
            user,
            Rate.FromPartsPerMillion((int)(effective / Multiplier.Scale)),
            capped);
    }
}
