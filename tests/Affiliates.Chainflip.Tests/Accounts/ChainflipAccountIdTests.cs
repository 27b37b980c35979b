using Affiliates.Chainflip.Accounts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimpleBase;

namespace Affiliates.Chainflip.Tests.Accounts;

public sealed class ChainflipAccountIdTests
{
    // chainflip-broker-rpc.md §3.1 and chain-formats.md (whitelist_brokers.rs pairs, the Alice dev key).
    [Theory]
    [InlineData("2efeb485320647a8d472503591f8fce9268cc3bf1bb8ad02efd2e905dcd1f31e", "cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "cFHsUq1uK5opJudRDczhdPVj6LGoVTqYsfj71tbHfKsTAzkJJ")]
    [InlineData("e08affbdaac0211709784a45048c804828d0588d0ed2e507cd6f2d60782b7c49", "cFNwtr2mPhpUEB5AyJq38DqMKMkSdzaL9548hajN2DRTwh7Mq")]
    [InlineData("70d0cd75a367987344a3896a18e1510e5429ca5e88357b6c2a2e306b3877380d", "cFLRQDfEdmnv6d2XfHJNRBQHi4fruPMReLSfvB8WWD2ENbqj7")]
    [InlineData("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "cFNfitvPd2acNNFgijVN3Ls4gG112PZPq7sY2FGtPgEk25wV9")]
    public void Vector_EncodesAndDecodes(string keyHex, string address)
    {
        var id = new ChainflipAccountId(Hex.Bytes(keyHex));
        Assert.Equal(address, id.Address);
        Assert.Equal(49, id.Address.Length);
        Assert.Equal(keyHex, Hex.Of(ChainflipAccountId.Parse(address).Bytes));
    }

    [Theory]
    [InlineData("e08affbdaac0211709784a45048c804828d0588d0ed2e507cd6f2d60782b7c49", "cFNwtr2mPhpUEB5AyJq38DqMKMkSdzaL9548hajN2DRTwh7Mq", "4470")]
    [InlineData("70d0cd75a367987344a3896a18e1510e5429ca5e88357b6c2a2e306b3877380d", "cFLRQDfEdmnv6d2XfHJNRBQHi4fruPMReLSfvB8WWD2ENbqj7", "b44a")]
    public void RawPayload_IsPrefixKeyAndChecksum(string keyHex, string address, string checksumHex) =>
        Assert.Equal("5008" + keyHex + checksumHex, Hex.Of(Base58.Bitcoin.Decode(address)));

    [Theory]
    [InlineData("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", 42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", 0, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", 42, "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM")]
    public void OtherPrefixes_EncodeAndReadAsTheSameAccount(string keyHex, ushort prefix, string address)
    {
        var id = new ChainflipAccountId(Hex.Bytes(keyHex));
        Assert.Equal(address, id.ToSs58(prefix));
        Assert.Equal(id, ChainflipAccountId.ParseAnyNetwork(address));
        Assert.False(ChainflipAccountId.TryParse(address, out _));
    }

    [Fact]
    public void Parse_ChangedLastCharacter_FailsTheChecksum()
    {
        FormatException error = Assert.Throws<FormatException>(() => ChainflipAccountId.Parse("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec2"));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherNetwork_SaysWhichPrefix()
    {
        FormatException error = Assert.Throws<FormatException>(() => ChainflipAccountId.Parse("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"));
        Assert.Contains("prefix 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new ChainflipAccountId(new byte[31]));

    [Fact]
    public void Equality_IsByBytes()
    {
        ChainflipAccountId a = ChainflipAccountId.Parse("cFHsUq1uK5opJudRDczhdPVj6LGoVTqYsfj71tbHfKsTAzkJJ");
        ChainflipAccountId b = ChainflipAccountId.ParseAnyNetwork("5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ChainflipAccountId.Parse("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1"));
    }

    [Property(MaxTest = 10_000)]
    public Property EveryKeyAndPrefix_RoundTrips() =>
        Prop.ForAll(
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32).ToArbitrary(),
            Gen.Choose(0, 16_383).ToArbitrary(),
            (key, prefix) =>
            {
                var id = new ChainflipAccountId(key);
                string text = id.ToSs58((ushort)prefix);
                Assert.Equal(AddressErrorNone, Ss58.TryDecode(text, out ushort readPrefix, out byte[] readKey, out _));
                return readPrefix == prefix && readKey.AsSpan().SequenceEqual(key) && ChainflipAccountId.ParseAnyNetwork(text) == id;
            });

    // The checksum has 16 bits, so about one change in 65 536 passes it; none may read back as the original account.
    [Property(MaxTest = 10_000)]
    public Property AnySingleCharacterChange_NeverReadsAsTheOriginalAccount() =>
        Prop.ForAll(
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 32).ToArbitrary(),
            Gen.Choose(0, 48).ToArbitrary(),
            Gen.Choose(1, 57).ToArbitrary(),
            (key, position, shift) =>
            {
                const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
                var original = new ChainflipAccountId(key);
                char[] text = original.Address.ToCharArray();
                text[position] = alphabet[(alphabet.IndexOf(text[position], StringComparison.Ordinal) + shift) % alphabet.Length];
                return !ChainflipAccountId.TryParse(new string(text), out ChainflipAccountId? read) || read != original;
            });

    private const Affiliates.Addresses.AddressError AddressErrorNone = Affiliates.Addresses.AddressError.None;
}
