namespace Affiliates.Programs;

/// <summary>A change to a registry or a code that must be signed by its owner or the registry admin.</summary>
/// <remarks>The set of changes is closed; each describes itself in the canonical message text that is signed.</remarks>
public abstract record ProgramChange
{
    private protected ProgramChange()
    {
    }

    /// <summary>Gets the code the change applies to, or <see langword="null"/> for registry-wide changes.</summary>
    public abstract string? TargetCode { get; }

    internal abstract string Name { get; }

    internal abstract ChangeAuthority Authority { get; }

    internal abstract void Describe(SignedMessage message);

    /// <summary>Formats a rate for the signed message as exact parts per million.</summary>
    private protected static string Ppm(Rate rate) => rate.PartsPerMillion.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
