using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Tests.Keys;

public sealed class KeypairTests
{
    // Solnet test/Solnet.Wallet.Test/AccountTest.cs: a 64-byte key and the 207-byte transfer+memo message it signed.
    internal static readonly byte[] SolnetSecretKey =
    [
        227, 215, 255, 79, 160, 83, 24, 167, 124, 73, 168, 45, 235, 105, 253, 165, 194, 54, 12, 95, 5, 47, 21, 158, 120,
        155, 199, 182, 101, 212, 80, 173, 138, 180, 156, 252, 109, 252, 108, 26, 186, 0, 196, 69, 57, 102, 15, 151, 149, 242,
        119, 181, 171, 113, 120, 224, 0, 118, 155, 61, 246, 56, 178, 47,
    ];

    internal static readonly byte[] SolnetMessage =
    [
        1, 0, 2, 4, 138, 180, 156, 252, 109, 252, 108, 26, 186, 0, 196, 69, 57, 102, 15, 151, 149, 242, 119, 181, 171, 113,
        120, 224, 0, 118, 155, 61, 246, 56, 178, 47, 173, 126, 102, 53, 246, 163, 32, 189, 27, 84, 69, 94, 217, 196, 152, 178,
        198, 116, 124, 160, 230, 94, 226, 141, 220, 221, 119, 21, 204, 242, 204, 164, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 74, 83, 80, 248, 93, 200, 130, 214, 20, 165, 86, 114, 120, 138, 41, 109,
        223, 30, 171, 171, 208, 166, 6, 120, 136, 73, 50, 244, 238, 246, 160, 61, 96, 239, 228, 59, 10, 206, 186, 110, 68, 55,
        160, 108, 50, 58, 247, 220, 116, 182, 121, 237, 126, 42, 184, 248, 125, 83, 253, 85, 181, 215, 93, 2, 2, 2, 0, 1, 12, 2, 0, 0, 0,
        128, 150, 152, 0, 0, 0, 0, 0, 3, 1, 0, 21, 72, 101, 108, 108, 111, 32, 102, 114, 111, 109, 32, 83, 111, 108, 46, 78, 101, 116, 32, 58, 41,
    ];

    internal const string SolnetSignatureHex =
        "ea939011c839089a8b569c0c078f90551b97badff6e7ba51456b7e4c770e703926051c6d631ef99a57f11ca1b2a59249b3044785cb917dfcc8f926691e714908";

    [Fact]
    public void FromSeedOfEights_MatchesWeb3()
    {
        Keypair keypair = Keypair.FromSeed(Enumerable.Repeat((byte)8, 32).ToArray());
        Assert.Equal("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE1", keypair.PublicKey.Key);
        Assert.Equal("1398f62c6d1a457c51ba6a4b5f3dbd2f69fca93216218dc8997e416bd17d93ca", Hex.Of(keypair.PublicKey.KeyBytes));
    }

    [Fact]
    public void FromSecretKey_MatchesWeb3()
    {
        byte[] secret = Convert.FromBase64String("mdqVWeFekT7pqy5T49+tV12jO0m+ESW7ki4zSU9JiCgbL0kJbj5dvQ/PqcDAzZLZqzshVEs01d1KZdmLh4uZIg==");
        Assert.Equal("99da9559e15e913ee9ab2e53e3dfad575da33b49be1125bb922e33494f4988281b2f49096e3e5dbd0fcfa9c0c0cd92d9ab3b21544b34d5dd4a65d98b878b9922", Hex.Of(secret));
        Keypair keypair = Keypair.FromSecretKey(secret);
        Assert.Equal("2q7pyhPwAwZ3QMfZrnAbDhnh9mDUqycszcpf86VgQxhF", keypair.PublicKey.Key);
        Assert.Equal(secret, keypair.ExportSecretKey());
    }

    [Fact]
    public void FromSecretKey_WithChangedLastByte_IsInvalid()
    {
        byte[] secret = Convert.FromBase64String("mdqVWeFekT7pqy5T49+tV12jO0m+ESW7ki4zSU9JiCgbL0kJbj5dvQ/PqcDAzZLZqzshVEs01d1KZdmLh4uZIg==");
        secret[63] ^= 1;
        var e = Assert.Throws<ArgumentException>(() => Keypair.FromSecretKey(secret));
        Assert.Contains("secret key is invalid", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    public void FromSecretKey_WrongLength_NamesTheLength(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => Keypair.FromSecretKey(new byte[length]));
        Assert.Equal("secretKey", e.ParamName);
        Assert.Contains($"not {length}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SolnetAccount_HasItsBase58KeysAndSignsItsMessage()
    {
        Keypair keypair = Keypair.FromSecretKey(SolnetSecretKey);
        Assert.Equal("ALSzrjtGi8MZGmAZa6ZhtUZq3rwurWuJqWFdgcj9MMFL", keypair.PublicKey.Key);
        Assert.Equal("5ZD7ntKtyHrnqMhfSuKBLdqHzT5N3a2aYnCGBcz4N78b84TKpjwQ4QBsapEnpnZFchM7F1BpqDkSuLdwMZwM8hLi", Base58Text.Encode(keypair.ExportSecretKey()));
        Assert.Equal(keypair.PublicKey, Keypair.FromSecretKey("5ZD7ntKtyHrnqMhfSuKBLdqHzT5N3a2aYnCGBcz4N78b84TKpjwQ4QBsapEnpnZFchM7F1BpqDkSuLdwMZwM8hLi").PublicKey);
        byte[] signature = keypair.Sign(SolnetMessage);
        Assert.Equal(SolnetSignatureHex, Hex.Of(signature));
        Assert.True(keypair.PublicKey.Verify(SolnetMessage, signature));
    }

    [Fact]
    public void Rfc8032Test1_SignsTheEmptyMessage()
    {
        Keypair keypair = Keypair.FromSeed(Hex.Bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Hex.Of(keypair.PublicKey.KeyBytes));
        Assert.Equal("FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z", keypair.PublicKey.Key);
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Hex.Of(keypair.Sign([])));
    }

    [Fact]
    public void FromKeygenJson_ReadsTheArrayAndRefusesOthers()
    {
        string json = "[" + string.Join(",", SolnetSecretKey) + "]";
        Assert.Equal("ALSzrjtGi8MZGmAZa6ZhtUZq3rwurWuJqWFdgcj9MMFL", Keypair.FromKeygenJson(json).PublicKey.Key);
        Assert.Throws<FormatException>(() => Keypair.FromKeygenJson("[1,2,3]"));
        Assert.Throws<FormatException>(() => Keypair.FromKeygenJson("\"" + Convert.ToBase64String(SolnetSecretKey) + "\""));
        Assert.Throws<FormatException>(() => Keypair.FromKeygenJson("[" + string.Join(",", SolnetSecretKey.Select((b, i) => i == 5 ? 256 : b)) + "]"));
        Assert.Throws<FormatException>(() => Keypair.FromKeygenJson("not json"));
    }

    [Fact]
    public void ToString_ShowsOnlyThePublicKey()
    {
        Keypair keypair = Keypair.FromSecretKey(SolnetSecretKey);
        Assert.Equal("ALSzrjtGi8MZGmAZa6ZhtUZq3rwurWuJqWFdgcj9MMFL", keypair.ToString());
    }
}
