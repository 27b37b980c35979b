using Affiliates.Addresses;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Affiliates.Evm.Tests;

public sealed class EvmAddressCodecTests
{
    private readonly EvmAddressCodec codec = EvmAddressCodec.Instance;

    // ERC-55's own test cases (chain-formats.md E2).
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Erc55Vectors_AreTheirOwnCanonicalForm(string address)
    {
        AddressParseResult result = codec.Parse(address);

        Assert.Equal(AddressParseResult.Valid(address), result);
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    public void SingleCaseAddresses_AreAcceptedAndCanonicalisedToTheChecksumForm(string address)
    {
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", codec.Parse(address).Canonical);
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", AddressError.BadChecksum)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", AddressError.BadLength)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0", AddressError.BadLength)]
    [InlineData("0x", AddressError.BadLength)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", AddressError.BadCharacter)]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", AddressError.BadCharacter)]
    [InlineData("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", AddressError.BadCharacter)]
    [InlineData(" 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", AddressError.BadCharacter)]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ", AddressError.BadCharacter)]
    [InlineData("", AddressError.Empty)]
    [InlineData("   ", AddressError.Empty)]
    [InlineData(null, AddressError.Empty)]
    public void BadAddresses_SayWhatIsWrong(string? text, AddressError error)
    {
        AddressParseResult result = codec.Parse(text!);

        Assert.Equal(error, result.Error);
        Assert.Null(result.Canonical);
        Assert.NotEmpty(result.Detail);
    }

    [Fact]
    public void BadLength_NamesTheDigitCount()
    {
        Assert.Equal("has 39 hex digits, not 40", codec.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe").Detail);
    }

    [Fact]
    public void Family_IsEvm() => Assert.Equal(AddressFamilies.Evm, codec.Family);

    [Property(MaxTest = 10_000)]
    public bool AnyTwentyBytes_InAnyCase_HaveOneCanonicalForm(byte[] seed)
    {
        byte[] bytes = new byte[20];
        seed.AsSpan(0, Math.Min(seed.Length, 20)).CopyTo(bytes);
        string lower = "0x" + Convert.ToHexStringLower(bytes);
        string upper = "0x" + Convert.ToHexString(bytes);
        AddressParseResult fromLower = codec.Parse(lower);
        return fromLower.IsValid
            && codec.Parse(upper).Canonical == fromLower.Canonical
            && codec.Parse(fromLower.Canonical!).Canonical == fromLower.Canonical
            && string.Equals(fromLower.Canonical, lower, StringComparison.OrdinalIgnoreCase);
    }

    [Property(MaxTest = 10_000)]
    public Property FlippingTheCaseOfOneLetter_IsABadChecksumUnlessTheResultIsSingleCase()
    {
        Gen<(byte[] Bytes, int Position)> cases =
            from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 20)
            from position in Gen.Choose(0, 39)
            select (bytes, position);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            string canonical = codec.Parse("0x" + Convert.ToHexStringLower(c.Bytes)).Canonical!;
            char[] chars = canonical.ToCharArray();
            char digit = chars[2 + c.Position];
            if (!char.IsLetter(digit))
            {
                return true;
            }

            chars[2 + c.Position] = char.IsUpper(digit) ? char.ToLowerInvariant(digit) : char.ToUpperInvariant(digit);
            string flipped = new(chars);
            string digits = flipped[2..];
            bool singleCase = digits == digits.ToLowerInvariant() || digits == digits.ToUpperInvariant();
            AddressParseResult result = codec.Parse(flipped);
            return singleCase ? result.Canonical == canonical : result.Error == AddressError.BadChecksum;
        });
    }
}
