using SimpleBase;

namespace Affiliates.Solana.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as Solana writes keys, signatures and blockhashes; strict: no white space.</summary>
internal static class Base58Text
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> bytes) => Base58.Bitcoin.Encode(bytes);

    /// <summary>Decodes <paramref name="text"/>, or says which character is not Base58.</summary>
    public static bool TryDecode(string text, out byte[] bytes, out string problem)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                bytes = [];
                problem = char.IsWhiteSpace(text[i])
                    ? $"has white space at position {i}"
                    : $"has '{text[i]}' at position {i}, which is not in the Base58 alphabet";
                return false;
            }
        }

        bytes = Base58.Bitcoin.Decode(text);
        problem = string.Empty;
        return true;
    }

    /// <summary>Decodes exactly <paramref name="length"/> bytes or throws a <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static byte[] DecodeExactly(string text, int length, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryDecode(text, out byte[] bytes, out string problem))
        {
            throw new FormatException($"'{text}' is not a {what}: it {problem}.");
        }

        if (bytes.Length != length)
        {
            throw new FormatException($"'{text}' is not a {what}: it decodes to {bytes.Length} bytes, not {length}.");
        }

        return bytes;
    }
}
