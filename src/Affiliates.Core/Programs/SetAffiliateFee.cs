namespace Affiliates.Programs;

/// <summary>Changes a code's affiliate fee, within the terms' range (signed by the code's owner).</summary>
/// <param name="Code">The code.</param>
/// <param name="AffiliateFee">The new affiliate fee.</param>
public sealed record SetAffiliateFee(string Code, Rate AffiliateFee) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "set-affiliate-fee";

    internal override ChangeAuthority Authority => ChangeAuthority.Owner;

    internal override void Describe(SignedMessage message) => message.Line("affiliate-fee-ppm", Ppm(AffiliateFee));
}
