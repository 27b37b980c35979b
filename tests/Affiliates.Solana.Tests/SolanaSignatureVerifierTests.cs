using System.Text;
using Affiliates.Programs;
using Affiliates.Solana.Keys;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Affiliates.Solana.Tests;

public sealed class SolanaSignatureVerifierTests
{
    private static readonly Keypair Wallet = Keypair.FromSeed(Enumerable.Repeat((byte)8, 32).ToArray());
    private readonly SolanaSignatureVerifier verifier = new();

    private static string Message => SignedRequest.MessageFor(
        "subscriptions",
        Wallet.PublicKey.Key,
        new CreateCode("ALICE", "", Wallet.PublicKey.Key, Rate.Zero, Rate.Zero),
        "n-1",
        Instant.FromUtc(2026, 12, 2, 12, 0));

    [Fact]
    public async Task SignMessage_OfTheSignedRequest_VerifiesInBase58AndBase64()
    {
        byte[] signature = Wallet.Sign(Encoding.UTF8.GetBytes(Message));
        Assert.True(await verifier.VerifyAsync(Wallet.PublicKey.Key, Message, Base58Text.Encode(signature)));
        Assert.True(await verifier.VerifyAsync(Wallet.PublicKey.Key, Message, Convert.ToBase64String(signature)));
    }

    [Fact]
    public async Task Signature_OfAnotherMessageOrByAnotherKey_IsRefused()
    {
        string signature = Base58Text.Encode(Wallet.Sign(Encoding.UTF8.GetBytes(Message)));
        Assert.False(await verifier.VerifyAsync(Wallet.PublicKey.Key, Message + " ", signature));
        Assert.False(await verifier.VerifyAsync(Keypair.Generate().PublicKey.Key, Message, signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base58 0OIl")]
    [InlineData("2g")]
    [InlineData("AAAA")]
    public async Task MalformedSignature_IsRefusedNotThrown(string signature)
    {
        Assert.False(await verifier.VerifyAsync(Wallet.PublicKey.Key, Message, signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1398f62c6d1a457c51ba6a4b5f3dbd2f69fca932")]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE")]
    public async Task MalformedSigner_IsRefusedNotThrown(string signer)
    {
        string signature = Base58Text.Encode(Wallet.Sign(Encoding.UTF8.GetBytes(Message)));
        Assert.False(await verifier.VerifyAsync(signer, Message, signature));
    }

    [Fact]
    public async Task Cancelled_Throws()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await verifier.VerifyAsync(Wallet.PublicKey.Key, Message, "x", new CancellationToken(canceled: true)));
    }

    [FsCheck.Xunit.Property(MaxTest = 1_000)]
    public Property AnySignedText_Verifies_AndAnyFlippedBitDoesNot()
    {
        // 1 000 cases: each signs and verifies three times with Ed25519.
        Gen<(string Text, int Bit)> cases =
            from text in ArbMap.Default.GeneratorFor<NonNull<string>>()
            from bit in Gen.Choose(0, 511)
            select (text.Get, bit);
        return Prop.ForAll(Arb.From(cases), c =>
        {
            byte[] signature = Wallet.Sign(Encoding.UTF8.GetBytes(c.Text));
            bool valid = verifier.VerifyAsync(Wallet.PublicKey.Key, c.Text, Base58Text.Encode(signature)).AsTask().Result;
            signature[c.Bit / 8] ^= (byte)(1 << (c.Bit % 8));
            bool flipped = verifier.VerifyAsync(Wallet.PublicKey.Key, c.Text, Base58Text.Encode(signature)).AsTask().Result;
            return valid && !flipped;
        });
    }
}
