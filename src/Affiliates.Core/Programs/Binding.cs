using NodaTime;

namespace Affiliates.Programs;

/// <summary>A user's link to a partner code within a registry and scope.</summary>
/// <param name="RegistryId">The registry.</param>
/// <param name="UserAddress">The referred user's address (compared exactly; hosts normalise per chain).</param>
/// <param name="Scope">"" for the account-wide link, "vault:&lt;id&gt;" for a continuous-fee link made by a vault deposit.</param>
/// <param name="Code">The bound code.</param>
/// <param name="CodeGeneration">The generation of the bound code.</param>
/// <param name="TermsVersion">The registry's terms version in force when the binding was made.</param>
/// <param name="Status">Active or removed.</param>
/// <param name="BoundAt">When the binding was made or last changed.</param>
public sealed record Binding(
    string RegistryId,
    string UserAddress,
    string Scope,
    string Code,
    int CodeGeneration,
    int TermsVersion,
    BindingStatus Status,
    Instant BoundAt)
{
    /// <summary>The scope of a user's account-wide link.</summary>
    public const string AccountScope = "";

    /// <summary>Returns the scope of the continuous-fee link of a vault.</summary>
    public static string VaultScope(string vaultId) => "vault:" + vaultId;
}
