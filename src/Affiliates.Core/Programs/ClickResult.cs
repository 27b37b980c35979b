using NodaTime;

namespace Affiliates.Programs;

/// <summary>The result of recording a click.</summary>
/// <param name="Outcome">Recorded, or why not.</param>
/// <param name="Token">The attribution token to keep in the visitor's cookie, when recorded.</param>
/// <param name="Code">The code the click resolved to, when recorded.</param>
/// <param name="ExpiresAt">When the token stops attributing, when recorded.</param>
public sealed record ClickResult(ClickOutcome Outcome, string? Token, string? Code, Instant? ExpiresAt);
