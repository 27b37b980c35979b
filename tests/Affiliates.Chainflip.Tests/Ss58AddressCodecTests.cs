using Affiliates.Addresses;

namespace Affiliates.Chainflip.Tests;

public sealed class Ss58AddressCodecTests
{
    private readonly Ss58AddressCodec codec = new();

    [Fact]
    public void Family_IsSs58() => Assert.Equal(AddressFamilies.Ss58, codec.Family);

    [Theory]
    [InlineData("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1")]
    [InlineData("cFHsUq1uK5opJudRDczhdPVj6LGoVTqYsfj71tbHfKsTAzkJJ")]
    [InlineData("cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU")]
    public void Parse_ChainflipAddress_IsItsOwnCanonicalForm(string address)
    {
        AddressParseResult result = codec.Parse(address);
        Assert.True(result.IsValid);
        Assert.Equal(address, result.Canonical);
        Assert.Empty(result.Detail);
    }

    [Theory]
    [InlineData(null, AddressError.Empty)]
    [InlineData("", AddressError.Empty)]
    [InlineData("   ", AddressError.Empty)]
    [InlineData(" cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1", AddressError.BadCharacter)]
    [InlineData("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec0", AddressError.BadCharacter)]
    [InlineData("0x3499b9b27ec38fe019299498958c451d294f6b5e", AddressError.BadCharacter)]
    [InlineData("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec", AddressError.BadLength)]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE1", AddressError.BadLength)]
    [InlineData("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec2", AddressError.BadChecksum)]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", AddressError.WrongNetwork)]
    [InlineData("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", AddressError.WrongNetwork)]
    public void Parse_NotAChainflipAddress_SaysWhy(string? text, AddressError error)
    {
        AddressParseResult result = codec.Parse(text!);
        Assert.Equal(error, result.Error);
        Assert.Null(result.Canonical);
        Assert.NotEmpty(result.Detail);
    }
}
