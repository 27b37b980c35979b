using NodaTime;
using NodaTime.Text;

namespace Affiliates.Programs;

/// <summary>A change signed by a wallet, with a nonce that can be used once and an expiry.</summary>
/// <param name="RegistryId">The registry the change applies to.</param>
/// <param name="Signer">The signing address.</param>
/// <param name="Change">The change.</param>
/// <param name="Nonce">A value the signer never reuses.</param>
/// <param name="ExpiresAt">The request is refused at or after this instant.</param>
/// <param name="Signature">The signature of <see cref="MessageFor"/>'s text by <paramref name="Signer"/>.</param>
public sealed record SignedRequest(string RegistryId, string Signer, ProgramChange Change, string Nonce, Instant ExpiresAt, string Signature)
{
    /// <summary>Returns the exact text a wallet signs for a change: one "key: value" line each, in a fixed order.</summary>
    /// <remarks>
    /// The code is upper-cased as the engine stores it, so "ab123" and "AB123" sign the same text. The engine refuses a
    /// request whose fields hold line breaks, control or invisible formatting characters, or list separators inside a
    /// list item (<see cref="ChangeOutcome.UnsafeText"/>): every accepted text reads back as exactly one request.
    /// </remarks>
    public static string MessageFor(string registryId, string signer, ProgramChange change, string nonce, Instant expiresAt) =>
        Compose(registryId, signer, change, nonce, expiresAt).ToString();

    internal static SignedMessage Compose(string registryId, string signer, ProgramChange change, string nonce, Instant expiresAt)
    {
        Preconditions.NotNull(change);
        var message = new SignedMessage("Affiliates signed request v1")
            .Line("registry", registryId)
            .Line("signer", signer)
            .Line("change", change.Name)
            .Line("code", change.TargetCode is { } code ? CodeRules.Normalize(code) : "-");
        change.Describe(message);
        return message
            .Line("nonce", nonce)
            .Line("expires", InstantPattern.ExtendedIso.Format(expiresAt));
    }

    /// <summary>Gets the text that <see cref="Signature"/> must sign.</summary>
    public string Message => MessageFor(RegistryId, Signer, Change, Nonce, ExpiresAt);
}
