namespace Affiliates.Programs;

/// <summary>Sets or clears a code's per-partner referral fee (signed by the registry admin).</summary>
/// <param name="Code">The code.</param>
/// <param name="ReferralFee">The partner's referral fee, or <see langword="null"/> to use the terms' default again.</param>
public sealed record SetReferralFeeOverride(string Code, Rate? ReferralFee) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "set-referral-fee-override";

    internal override ChangeAuthority Authority => ChangeAuthority.Admin;

    internal override void Describe(SignedMessage message) =>
        message.Line("referral-fee-ppm", ReferralFee is { } rate ? Ppm(rate) : "default");
}
