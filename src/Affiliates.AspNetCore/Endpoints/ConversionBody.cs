namespace Affiliates.AspNetCore;

/// <summary>The optional body of a conversion: a code the user typed, which wins over the cookie's click.</summary>
/// <param name="Code">The typed code, or <see langword="null"/> to convert from the referral cookie alone.</param>
public sealed record ConversionBody(string? Code);
