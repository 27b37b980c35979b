namespace Affiliates.Programs;

/// <summary>Changes a code's kickback to users, within the terms' range (signed by the code's owner).</summary>
/// <param name="Code">The code.</param>
/// <param name="Kickback">The new kickback.</param>
public sealed record SetKickback(string Code, Rate Kickback) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "set-kickback";

    internal override ChangeAuthority Authority => ChangeAuthority.Owner;

    internal override void Describe(SignedMessage message) => message.Line("kickback-ppm", Ppm(Kickback));
}
