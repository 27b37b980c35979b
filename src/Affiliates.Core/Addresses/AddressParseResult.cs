namespace Affiliates.Addresses;

/// <summary>The outcome of <see cref="IAddressCodec.Parse"/>: the canonical form, or the error and a sentence saying what is wrong.</summary>
/// <param name="Canonical">The canonical form when <see cref="Error"/> is <see cref="AddressError.None"/>; otherwise <see langword="null"/>.</param>
/// <param name="Error">What is wrong, or <see cref="AddressError.None"/>.</param>
/// <param name="Detail">A sentence naming the problem (for example "has 39 hex digits, not 40"), empty when valid.</param>
public readonly record struct AddressParseResult(string? Canonical, AddressError Error, string Detail)
{
    /// <summary>Whether the text was an address.</summary>
    public bool IsValid => Error == AddressError.None;

    /// <summary>A valid result with its canonical form.</summary>
    public static AddressParseResult Valid(string canonical) => new(canonical, AddressError.None, string.Empty);

    /// <summary>An invalid result.</summary>
    public static AddressParseResult Invalid(AddressError error, string detail) => new(null, error, detail);
}
