namespace Affiliates.AspNetCore;

/// <summary>The click recorded during this request, for pages that show the referrer before the cookie comes back.</summary>
/// <param name="Token">The attribution token just issued.</param>
/// <param name="Code">The code the click resolved to.</param>
internal sealed record ReferralVisitFeature(string Token, string? Code);
