namespace Affiliates.Programs;

/// <summary>A user converting (signing up, connecting a wallet) with an attribution token or a code.</summary>
/// <param name="RegistryId">The registry.</param>
/// <param name="UserAddress">The user's address.</param>
/// <param name="Token">The attribution token from a click, if any.</param>
/// <param name="Code">A code the user typed, if any; it wins over the token.</param>
public sealed record ConversionRequest(string RegistryId, string UserAddress, string? Token = null, string? Code = null);
