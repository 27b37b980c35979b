namespace Affiliates.Programs;

/// <summary>Retires a code (signed by its owner or the registry admin); it attributes nothing afterwards.</summary>
/// <param name="Code">The code.</param>
public sealed record RetireCode(string Code) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => Code;

    internal override string Name => "retire-code";

    internal override ChangeAuthority Authority => ChangeAuthority.OwnerOrAdmin;

    internal override void Describe(SignedMessage message)
    {
    }
}
