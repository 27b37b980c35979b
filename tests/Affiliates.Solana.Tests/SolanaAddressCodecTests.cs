using Affiliates.Addresses;
using Affiliates.Solana.Keys;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Solana.Tests;

public sealed class SolanaAddressCodecTests
{
    private readonly SolanaAddressCodec codec = new();

    [Fact]
    public void Family_IsSolana() => Assert.Equal(AddressFamilies.Solana, codec.Family);

    [Theory]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE1")]
    [InlineData("11111111111111111111111111111111")]
    [InlineData("CiDwVBFgWV9E5MvXWoLgnEgn2hK7rJikbvfWavzAQz3")]
    [InlineData("GUs5qLUfsEHkcMB9T38vjr18ypEhRuNWiePW2LoK4E3K")]
    public void Parse_Address_IsItsOwnCanonicalForm(string address)
    {
        AddressParseResult result = codec.Parse(address);
        Assert.True(result.IsValid);
        Assert.Equal(AddressError.None, result.Error);
        Assert.Equal(address, result.Canonical);
    }

    [Theory]
    [InlineData(null, AddressError.Empty)]
    [InlineData("", AddressError.Empty)]
    [InlineData("invalid", AddressError.BadCharacter)]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE1 ", AddressError.BadCharacter)]
    [InlineData("0x1398f62c6d1a457c51ba6a4b5f3dbd2f69fca932", AddressError.BadCharacter)]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE12", AddressError.BadLength)]
    [InlineData("5ZD7ntKtyHrnqMhfSuKBLdqHzT5N3a2aYnCGBcz4N78b84TKpjwQ4QBsapEnpnZFchM7F1BpqDkSuLdwMZwM8hLi", AddressError.BadLength)]
    public void Parse_NotAnAddress_SaysWhy(string? text, AddressError error)
    {
        AddressParseResult result = codec.Parse(text!);
        Assert.Equal(error, result.Error);
        Assert.Null(result.Canonical);
        Assert.NotEmpty(result.Detail);
    }

    [FsCheck.Xunit.Property(MaxTest = 10_000)]
    public Property Parse_OfAnyKeyBytes_RoundTrips()
    {
        return Prop.ForAll(Arb.From(Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32)), bytes =>
        {
            var key = new PublicKey(bytes);
            AddressParseResult result = codec.Parse(key.Key);
            return result.IsValid && result.Canonical == key.Key && new PublicKey(result.Canonical!).KeyBytes.AsSpan().SequenceEqual(bytes);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 10_000)]
    public Property Parse_OfOtherLengths_IsBadLength()
    {
        Gen<byte[]> other = Gen.Choose(0, 70).Where(n => n != 32).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n));
        return Prop.ForAll(Arb.From(other), bytes =>
            codec.Parse(Base58Text.Encode(bytes)).Error == (bytes.Length == 0 ? AddressError.Empty : AddressError.BadLength));
    }
}
