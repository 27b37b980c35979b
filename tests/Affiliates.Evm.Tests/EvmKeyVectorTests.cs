using System.Text;
using Nethereum.Util;

namespace Affiliates.Evm.Tests;

/// <summary>chain-formats.md E1 and E2: Keccak-256 (not SHA3-256) and key-to-address derivation.</summary>
public sealed class EvmKeyVectorTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Hello World!", "3ea2f1d0abf3fc66cf29eebb70cbd4e7fe762ef8a09bcc06c8edf641230afec0")]
    public void Keccak256_OfText_MatchesTheVectors(string text, string hash)
    {
        Assert.Equal(hash, Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Keccak256_OfBytes_MatchesTheVector()
    {
        Assert.Equal("d4fd4e189132273036449fc9e11198c739161b4c0116a9a2dccdfa1c492006f1", Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(Convert.FromHexString("deadbeef"))));
    }

    [Theory]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    [InlineData("0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")]
    public void PrivateKeySigner_DerivesTheChecksumAddress(string key, string address)
    {
        Assert.Equal(address, new EvmPrivateKeySigner(key).Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x1234")]
    [InlineData("0xzc0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    public void PrivateKeySigner_RefusesTextThatIsNotAKey(string key)
    {
        Assert.Throws<ArgumentException>(() => new EvmPrivateKeySigner(key));
    }

    [Fact]
    public void PrivateKeySigner_NeverShowsTheKey()
    {
        var signer = new EvmPrivateKeySigner(TestKeys.Account0);

        Assert.DoesNotContain("ac0974bec", signer.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
