using NodaTime;

namespace Affiliates.Programs;

/// <summary>A recorded click on a referral link; its token attributes a later conversion within the window.</summary>
/// <param name="Token">The opaque attribution token handed to the visitor (the "cookie").</param>
/// <param name="RegistryId">The registry.</param>
/// <param name="Code">The code the click resolved to.</param>
/// <param name="CodeGeneration">The generation of that code.</param>
/// <param name="ClickedAt">When the click happened.</param>
/// <param name="ExpiresAt">When the token stops attributing (exclusive).</param>
/// <param name="IpHash">A hash of the visitor's IP address (never the address itself), or empty.</param>
/// <param name="UserAgent">The visitor's user agent, or empty.</param>
public sealed record AttributionClick(
    string Token,
    string RegistryId,
    string Code,
    int CodeGeneration,
    Instant ClickedAt,
    Instant ExpiresAt,
    string IpHash,
    string UserAgent);
