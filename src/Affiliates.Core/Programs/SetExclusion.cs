namespace Affiliates.Programs;

/// <summary>Adds an address to the registry's exclusion list or removes it (signed by the registry admin).</summary>
/// <param name="Address">The address.</param>
/// <param name="Excluded">Whether the address is excluded.</param>
public sealed record SetExclusion(string Address, bool Excluded) : ProgramChange
{
    /// <inheritdoc/>
    public override string? TargetCode => null;

    internal override string Name => "set-exclusion";

    internal override ChangeAuthority Authority => ChangeAuthority.Admin;

    internal override void Describe(SignedMessage message) => message
        .Line("address", Address)
        .Line("excluded", Excluded ? "true" : "false");
}
