using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Tests.Keys;

public sealed class Base58TextTests
{
    // Bitcoin Core's base58 vectors, as Solnet's Base58Test carries them (chain-formats.md S1).
    [Theory]
    [InlineData("", "")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("bf4f89001e670274dd", "3SEo3LWLoPntC")]
    [InlineData("572e4794", "3EFU7m")]
    [InlineData("ecac89cad93923c02321", "EJDM8drfXA6uyA")]
    [InlineData("10c8511e", "Rt5zm")]
    [InlineData("00000000000000000000", "1111111111")]
    public void Vectors_EncodeAndDecode(string hex, string base58)
    {
        Assert.Equal(base58, Base58Text.Encode(Hex.Bytes(hex)));
        Assert.True(Base58Text.TryDecode(base58, out byte[] decoded, out _));
        Assert.Equal(hex, Hex.Of(decoded));
    }

    [Theory]
    [InlineData("invalid", "'l' at position 4")]
    [InlineData("0OIl", "'0' at position 0")]
    [InlineData(" 2g", "white space at position 0")]
    [InlineData("2g\n", "white space at position 2")]
    public void Decode_CharacterOutsideTheAlphabetOrWhiteSpace_SaysWhichAndWhere(string text, string expected)
    {
        Assert.False(Base58Text.TryDecode(text, out _, out string problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
