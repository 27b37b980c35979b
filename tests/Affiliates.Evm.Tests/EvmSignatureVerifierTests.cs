using System.Globalization;
using System.Numerics;
using System.Text;
using Affiliates.Programs;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;
using NodaTime;

namespace Affiliates.Evm.Tests;

public sealed class EvmSignatureVerifierTests
{
    private const long ChainId = 31337;

    // viem signMessage.test.ts, key #0, "hello world" (chain-formats.md E7).
    private const string HelloWorldSignature = "0xa461f509887bd19e312c0c58467ce8ff8e300d3c1a90b608a760c5b80318eaf15fe57c96f9175d6cd4daad4663763baa7e78836e067d0163e9a2ccf2ff753f5b1b";

    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private readonly EvmSignatureVerifier verifier = new(ChainId, rpc: null, next: null);

    [Theory]
    [InlineData("hello world", "d9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68")]
    [InlineData("🤗", "716ce69c5d2d629c168bc02e24a961456bdc5a362d366119305aea73978a0332")]
    [InlineData("0xdeadbeef", "efedd0a9a0294228c3977d7fbb68c7d40279f8b408cf3e24ef1823b179709e58")]
    [InlineData("I accept the affiliate terms v1\nnonce: 42", "3c7b425067479dfada0c7936c135a9e297e462780da14046a3d54cc7926f2868")]
    public void PersonalSignHash_MatchesTheVectors(string message, string hash)
    {
        Assert.Equal(hash, Convert.ToHexStringLower(new EthereumMessageSigner().HashPrefixedMessage(Encoding.UTF8.GetBytes(message))));
    }

    [Theory]
    [InlineData("hello world", HelloWorldSignature)]
    [InlineData("I accept the affiliate terms v1\nnonce: 42", "0x91471aa7cc6f6695f8d34671e284082cef9f216c462037cbc938ff8938b10f6a23ae7a6bc7480e153cb078b3437f83ea6b0c8936373958b4ae6162911fec097a1b")]
    public async Task PersonalSignVectors_VerifyForTheirSigner(string message, string signature)
    {
        Assert.True(await verifier.VerifyAsync(TestKeys.Address0, message, signature));
        Assert.True(await verifier.VerifyAsync(TestKeys.Address0.ToLowerInvariant(), message, signature));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address1, message, signature));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, message + " ", signature));
    }

    [Fact]
    public async Task RecoveryIdZeroOrOne_IsAcceptedLikeTwentySevenOrEight()
    {
        string zeroBased = HelloWorldSignature[..^2] + "00";

        Assert.True(await verifier.VerifyAsync(TestKeys.Address0, "hello world", zeroBased));
    }

    [Fact]
    public async Task CompactEip2098Signature_Verifies()
    {
        byte[] full = Convert.FromHexString(HelloWorldSignature[2..]);
        byte[] compact = full[..64];
        compact[32] |= (byte)((full[64] - 27) << 7);

        Assert.True(await verifier.VerifyAsync(TestKeys.Address0, "hello world", "0x" + Convert.ToHexStringLower(compact)));
    }

    [Fact]
    public async Task HighS_TwinOfAValidSignature_IsRefused()
    {
        byte[] full = Convert.FromHexString(HelloWorldSignature[2..]);
        BigInteger s = new(full.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        byte[] twin = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] malleated = [.. full[..32], .. new byte[32 - twin.Length], .. twin, (byte)(full[64] == 27 ? 28 : 27)];

        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, "hello world", "0x" + Convert.ToHexStringLower(malleated)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a461f509")]
    [InlineData("0xa461f5")]
    [InlineData("0xzz61f509887bd19e312c0c58467ce8ff8e300d3c1a90b608a760c5b80318eaf15fe57c96f9175d6cd4daad4663763baa7e78836e067d0163e9a2ccf2ff753f5b1b")]
    [InlineData("0xa461f509887bd19e312c0c58467ce8ff8e300d3c1a90b608a760c5b80318eaf15fe57c96f9175d6cd4daad4663763baa7e78836e067d0163e9a2ccf2ff753f5b1d")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public async Task MalformedSignatures_AreRefusedWithoutThrowing(string signature)
    {
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, "hello world", signature));
    }

    [Fact]
    public async Task NullArguments_AreRefused()
    {
        Assert.False(await verifier.VerifyAsync(null!, "hello world", HelloWorldSignature));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, null!, HelloWorldSignature));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, "hello world", null!));
    }

    [Fact]
    public async Task ABadChecksumSigner_IsNotAnEvmSigner()
    {
        string badChecksum = "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

        Assert.False(await verifier.VerifyAsync(badChecksum, "hello world", HelloWorldSignature));
    }

    [Fact]
    public async Task NonEvmSigners_GoToTheNextVerifier()
    {
        var chained = new EvmSignatureVerifier(ChainId, null, new AcceptingVerifier("solana-wallet"));

        Assert.True(await chained.VerifyAsync("solana-wallet", "m", "s"));
        Assert.False(await chained.VerifyAsync("other-wallet", "m", "s"));
        Assert.False(await chained.VerifyAsync(TestKeys.Address1, "hello world", HelloWorldSignature));
    }

    // EIP-712's own "Ether Mail" example (chain-formats.md E8): the Nethereum encoder this adapter relies on.
    [Fact]
    public void EtherMail_Eip712Vector_DigestAndSignerMatch()
    {
        var mail = new TypedDataRaw
        {
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                ["Person"] = [Member("name", "string"), Member("wallet", "address")],
                ["Mail"] = [Member("from", "Person"), Member("to", "Person"), Member("contents", "string")],
            },
            PrimaryType = "Mail",
            DomainRawValues = [Value("string", "Ether Mail"), Value("string", "1"), Value("uint256", BigInteger.One), Value("address", "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC")],
            Message =
            [
                Value("Person", new[] { Value("string", "Cow"), Value("address", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826") }),
                Value("Person", new[] { Value("string", "Bob"), Value("address", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB") }),
                Value("string", "Hello, Bob!"),
            ],
        };

        byte[] encoded = Eip712TypedDataSigner.Current.EncodeTypedDataRaw(mail);
        byte[] digest = Sha3Keccack.Current.CalculateHash(encoded);
        const string signature = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c";

        Assert.Equal("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", Convert.ToHexStringLower(encoded[2..34]));
        Assert.Equal("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", Convert.ToHexStringLower(encoded[34..]));
        Assert.Equal("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Convert.ToHexStringLower(digest));
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", Eip712TypedDataSigner.Current.RecoverFromSignatureHashV4(digest, signature));
    }

    [Fact]
    public async Task TypedDataSignature_OfARequest_Verifies()
    {
        string message = Request(TestKeys.Address0, "n-1");
        string json = SignedRequestTypedData.ToJson(message, ChainId);

        string signature = TypedDataWallet.Sign(json, TestKeys.Account0);

        Assert.True(await verifier.VerifyAsync(TestKeys.Address0, message, signature));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, Request(TestKeys.Address0, "n-2"), signature));
        Assert.False(await new EvmSignatureVerifier(1, null, null).VerifyAsync(TestKeys.Address0, message, signature));
    }

    // Signed by Foundry's cast 1.7.1 (`cast wallet sign --data` on the typed data of Request(Address0, "n-1") at chain
    // 31337 with key #0), an EIP-712 implementation independent of Nethereum's.
    [Fact]
    public async Task TypedDataSignature_FromFoundryCast_Verifies()
    {
        const string castSignature = "0x49ac8a080004f3135ced32cf8ace7042f0e49daaee3377f9070df1e2eb929fea7a1a867ea8d5ff5210b4c956e478ec0f885ca73a5a438a462782346533feaacd1b";

        Assert.True(await verifier.VerifyAsync(TestKeys.Address0, Request(TestKeys.Address0, "n-1"), castSignature));
        Assert.Equal(castSignature, TypedDataWallet.Sign(SignedRequestTypedData.ToJson(Request(TestKeys.Address0, "n-1"), ChainId), TestKeys.Account0));
    }

    [Fact]
    public async Task TypedDataSignature_BindsTheSignerTextExactly()
    {
        string message = Request(TestKeys.Address0, "n-1");
        string signature = TypedDataWallet.Sign(SignedRequestTypedData.ToJson(message, ChainId), TestKeys.Account0);
        string lowerCaseSigner = Request(TestKeys.Address0.ToLowerInvariant(), "n-1");

        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, lowerCaseSigner, signature));
    }

    [Fact]
    public void TypedDataJson_HasTheDocumentedDomainTypesAndFields()
    {
        string message = Request(TestKeys.Address0, "n-1");

        using var json = System.Text.Json.JsonDocument.Parse(SignedRequestTypedData.ToJson(message, ChainId));

        System.Text.Json.JsonElement root = json.RootElement;
        Assert.Equal("AffiliatesRequest", root.GetProperty("primaryType").GetString());
        Assert.Equal("Affiliates", root.GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal(ChainId, root.GetProperty("domain").GetProperty("chainId").GetInt64());
        System.Text.Json.JsonElement fields = root.GetProperty("message");
        Assert.Equal("r1", fields.GetProperty("registry").GetString());
        Assert.Equal(TestKeys.Address0, fields.GetProperty("signer").GetString());
        Assert.Equal("set-kickback", fields.GetProperty("change").GetString());
        Assert.Equal("ALICE", fields.GetProperty("code").GetString());
        Assert.Equal("kickback-ppm: 100000", fields.GetProperty("details").GetString());
        Assert.Equal("n-1", fields.GetProperty("nonce").GetString());
        Assert.Equal("2026-12-01T00:10:00Z", fields.GetProperty("expires").GetString());
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("Affiliates signed request v1\nregistry: r1")]
    [InlineData("Affiliates signed request v1\nregistry: r1\nsigner: x\nchange: c\ncode: -\nnonce: 1\nexpiry: 2026")]
    public void TypedDataJson_OfATextThatIsNotARequest_Throws(string message)
    {
        Assert.Throws<ArgumentException>(() => SignedRequestTypedData.ToJson(message, ChainId));
    }

    [Fact]
    public async Task PersonalSignOfARequest_Verifies()
    {
        string message = Request(TestKeys.Address1, "n-1");
        string signature = new EthereumMessageSigner().EncodeUTF8AndSign(message, new EthECKey(TestKeys.Account1));

        Assert.True(await verifier.VerifyAsync(TestKeys.Address1, message, signature));
    }

    internal static string Request(string signer, string nonce) =>
        SignedRequest.MessageFor("r1", signer, new SetKickback("alice", Rate.FromPercent(10)), nonce, Instant.FromUtc(2026, 12, 1, 0, 10));

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static MemberValue Value(string type, object value) => new() { TypeName = type, Value = value };

    private sealed class AcceptingVerifier(string signer) : ISignatureVerifier
    {
        public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(signerAddress == signer);
    }
}
