namespace Affiliates.AspNetCore;

/// <summary>The public face of a partner code, for a co-branded landing page.</summary>
/// <param name="Code">The code.</param>
/// <param name="DisplayName">The partner's display name, or <see langword="null"/> when the partner set none.</param>
/// <param name="LogoUrl">An absolute https URL of the partner's logo, or <see langword="null"/>.</param>
/// <param name="WelcomeMessage">The partner's welcome message, or <see langword="null"/>.</param>
public sealed record PartnerProfileResponse(string Code, string? DisplayName, string? LogoUrl, string? WelcomeMessage);
