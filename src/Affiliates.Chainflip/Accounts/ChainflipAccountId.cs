using System.Diagnostics.CodeAnalysis;
using Affiliates.Addresses;

namespace Affiliates.Chainflip.Accounts;

/// <summary>A Chainflip state-chain account (broker, affiliate or any other): a 32-byte id written in SS58 under prefix 2112 ("cF…").</summary>
/// <remarks>
/// Two ids are equal when their 32 bytes are: the node accepts the same key under other registered SS58 prefixes (the
/// generic Substrate "5…" form) and a standalone broker API may answer in one, so <see cref="ParseAnyNetwork"/> reads
/// those, while <see cref="Parse"/> insists on Chainflip's prefix for what people type.
/// </remarks>
public sealed class ChainflipAccountId : IEquatable<ChainflipAccountId>
{
    /// <summary>The SS58 prefix of the Chainflip network.</summary>
    public const ushort Ss58Prefix = Ss58.ChainflipPrefix;

    /// <summary>The length of an account id in bytes.</summary>
    public const int Length = Ss58.KeyLength;

    private readonly byte[] bytes;

    /// <summary>Initializes a new instance of the <see cref="ChainflipAccountId"/> class from its 32 bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public ChainflipAccountId(ReadOnlySpan<byte> accountBytes)
    {
        if (accountBytes.Length != Length)
        {
            throw new ArgumentException($"A Chainflip account id has {Length} bytes, not {accountBytes.Length}.", nameof(accountBytes));
        }

        bytes = accountBytes.ToArray();
        Address = Ss58.Encode(bytes, Ss58Prefix);
    }

    /// <summary>Gets the id in SS58 under prefix 2112, always 49 characters starting "cF".</summary>
    public string Address { get; }

    /// <summary>Gets a copy of the 32 bytes of the id.</summary>
    public byte[] Bytes => (byte[])bytes.Clone();

    internal ReadOnlySpan<byte> Span => bytes;

    /// <summary>Compares two ids by their bytes.</summary>
    public static bool operator ==(ChainflipAccountId? left, ChainflipAccountId? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two ids by their bytes.</summary>
    public static bool operator !=(ChainflipAccountId? left, ChainflipAccountId? right) => !(left == right);

    /// <summary>Reads a Chainflip address ("cF…", SS58 prefix 2112).</summary>
    /// <exception cref="FormatException">The text is not SS58, fails its checksum, or belongs to another network; the message says which.</exception>
    public static ChainflipAccountId Parse(string text) =>
        TryRead(text, anyNetwork: false, out ChainflipAccountId? id) is { IsValid: false } result
            ? throw new FormatException($"'{text}' is not a Chainflip account id: it {result.Detail}.")
            : id!;

    /// <summary>Reads a Chainflip address ("cF…", SS58 prefix 2112).</summary>
    /// <returns>Whether the text is a valid SS58 account id under prefix 2112.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ChainflipAccountId? id) => TryRead(text, anyNetwork: false, out id).IsValid;

    /// <summary>Reads an SS58 account id under any prefix, as Substrate nodes accept them (for example "5…" for prefix 42).</summary>
    /// <exception cref="FormatException">The text is not SS58 or fails its checksum.</exception>
    public static ChainflipAccountId ParseAnyNetwork(string text) =>
        TryRead(text, anyNetwork: true, out ChainflipAccountId? id) is { IsValid: false } result
            ? throw new FormatException($"'{text}' is not an SS58 account id: it {result.Detail}.")
            : id!;

    /// <summary>Returns the id in SS58 under <paramref name="prefix"/> (0 to 16 383).</summary>
    public string ToSs58(ushort prefix) => Ss58.Encode(bytes, prefix);

    /// <inheritdoc/>
    public bool Equals(ChainflipAccountId? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChainflipAccountId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(bytes, 0);

    /// <summary>Returns <see cref="Address"/>.</summary>
    public override string ToString() => Address;

    internal static AddressParseResult TryRead(string? text, bool anyNetwork, out ChainflipAccountId? id)
    {
        id = null;
        AddressError error = Ss58.TryDecode(text, out ushort prefix, out byte[] key, out string problem);
        if (error != AddressError.None)
        {
            return AddressParseResult.Invalid(error, problem);
        }

        if (!anyNetwork && prefix != Ss58Prefix)
        {
            return AddressParseResult.Invalid(AddressError.WrongNetwork, $"has SS58 prefix {prefix}, not Chainflip's {Ss58Prefix}");
        }

        id = new ChainflipAccountId(key);
        return AddressParseResult.Valid(id.Address);
    }
}
