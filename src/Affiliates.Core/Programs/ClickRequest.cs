namespace Affiliates.Programs;

/// <summary>A visit through a referral link (<c>?ref=</c>).</summary>
/// <param name="RegistryId">The registry.</param>
/// <param name="Ref">The code, or the referrer's wallet address (resolved to the wallet's first active code).</param>
/// <param name="IpAddress">The visitor's IP address; only a salted hash is stored.</param>
/// <param name="UserAgent">The visitor's user agent.</param>
public sealed record ClickRequest(string RegistryId, string Ref, string? IpAddress = null, string? UserAgent = null);
