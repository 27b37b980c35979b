using System.Numerics;
using Nethereum.Signer;

namespace Affiliates.Evm.Tests;

/// <summary>chain-formats.md E5: EIP-1559 transactions signed through the signer port match the published bytes.</summary>
public sealed class EvmTransactionTests
{
    private static readonly IEvmSigner Signer = new EvmPrivateKeySigner(TestKeys.Account0);

    // viem signTransaction.test.ts, key #0, gas 21000, nonce 785, chain 1.
    [Theory]
    [InlineData(0, 0, "", "0x02f850018203118080825208808080c080a04012522854168b27e5dc3d5839bab5e6b39e1a0ffd343901ce1622e3d64b48f1a04e00902ae0502c4728cbf12156290df99c3ed7de85b1dbfe20b5c36931733a33")]
    [InlineData(20_000_000_000, 2_000_000_000, "", "0x02f8590182031184773594008504a817c800825208808080c001a06ea33b188b30a5f5d0d1cec62b2bac7203ff428a49048766596727737689043fa0255b74c8e704e3692497a29cd246ffc4344b4107457ce1c914fe2b4e09993859")]
    [InlineData(0, 0, "1234", "0x02f8520182031180808252088080821234c001a054d552c58a162c9003633c20871d8e381ef7a3c35d1c8a79c7c12d5cf09a0914a03c5d6241f8c4fcf8b35262de038d3ab1940feb1a70b934ae5d40ea6bce912e2d")]
    public async Task ViemVectors_SignToTheSameBytes(long maxFee, long priority, string data, string raw)
    {
        var transaction = EvmTransaction.Create(1, 785, new EvmFees(maxFee, priority), 21_000, null!, 0, Convert.FromHexString(data));

        (byte[] signed, _) = await EvmTransaction.SignAsync(Signer, transaction, default);

        Assert.Equal(raw, "0x" + Convert.ToHexStringLower(signed));
    }

    [Fact]
    public async Task Erc20TransferOfOneUsdc_MatchesTheComputedVector()
    {
        byte[] calldata = Abi.Transfer(TestKeys.Address1, 1_000_000);
        var transaction = EvmTransaction.Create(1, 0, new EvmFees(30_000_000_000, 1_000_000_000), 65_000, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 0, calldata);

        (byte[] raw, string hash) = await EvmTransaction.SignAsync(Signer, transaction, default);

        Assert.Equal("a9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000000f4240", Convert.ToHexStringLower(calldata));
        Assert.Equal("0x02f8b00180843b9aca008506fc23ac0082fde894a0b86991c6218b36c1d19d4a2e9eb0ce3606eb4880b844a9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000000f4240c001a03e77260121db59c169036188a223e1ad84ea05171a0ea2a9809d31e0f3e5e5fba025cd4ecbd3426d0eb7de9e0c167798b274db662dfb04c5a0fcfe3d322c4812b2", "0x" + Convert.ToHexStringLower(raw));
        Assert.Equal("0xec6c990beb2d30fa8356a22e180eaef3711128a80f37046dccd7d25d041c25d7", hash);
    }

    [Fact]
    public async Task NativeTransferOfAHundredthEth_MatchesTheComputedVector()
    {
        var transaction = EvmTransaction.Create(1, 0, new EvmFees(30_000_000_000, 1_000_000_000), 21_000, TestKeys.Address1, BigInteger.Parse("10000000000000000", System.Globalization.CultureInfo.InvariantCulture), []);

        (byte[] raw, string hash) = await EvmTransaction.SignAsync(Signer, transaction, default);

        Assert.Equal("0x02f8720180843b9aca008506fc23ac008252089470997970c51812dc3a010c7d01b50e0d17dc79c8872386f26fc1000080c001a0f40a54e1e0327c41cf9c680aa8ad02dd8b4e1b40b329017a71c0dd04fc8dd82da015907b6ddcc9c151d3b478c265d2e7eab0cbebbc4563ae08a6d1c8a4d50703ee", "0x" + Convert.ToHexStringLower(raw));
        Assert.Equal("0x238be6f3870a6e56efe332986b241ef07c7fc7b61dbe68354ef386929b6adef8", hash);
    }

    [Fact]
    public async Task AHighSSignatureFromTheSigner_IsNormalisedToLowS()
    {
        var transaction = EvmTransaction.Create(1, 0, new EvmFees(30_000_000_000, 1_000_000_000), 21_000, TestKeys.Address1, 1, []);
        var expected = EvmTransaction.Create(1, 0, new EvmFees(30_000_000_000, 1_000_000_000), 21_000, TestKeys.Address1, 1, []);

        (byte[] fromHighS, _) = await EvmTransaction.SignAsync(new HighSSigner(Signer), transaction, default);
        (byte[] fromLowS, _) = await EvmTransaction.SignAsync(Signer, expected, default);

        Assert.Equal(fromLowS, fromHighS);
    }

    [Fact]
    public async Task ASignerThatSignsAsSomeoneElse_IsRefused()
    {
        var transaction = EvmTransaction.Create(1, 0, new EvmFees(1, 1), 21_000, TestKeys.Address1, 1, []);

        EvmPayoutException error = await Assert.ThrowsAsync<EvmPayoutException>(() => EvmTransaction.SignAsync(new LyingSigner(), transaction, default));

        Assert.Equal(EvmPayoutProblem.SignerMismatch, error.Problem);
    }

    [Fact]
    public async Task DecodingASignedTransaction_GivesBackItsFields()
    {
        var transaction = EvmTransaction.Create(31337, 7, new EvmFees(3_000, 2_000), 50_000, TestKeys.Address1, 5, [1, 2]);
        (byte[] raw, _) = await EvmTransaction.SignAsync(Signer, transaction, default);

        Nethereum.Model.Transaction1559 decoded = EvmTransaction.Decode(raw);

        Assert.Equal((31337, 7, 3_000, 2_000, 50_000, 5), ((long)decoded.ChainId, (long)decoded.Nonce!.Value, (long)decoded.MaxFeePerGas!.Value, (long)decoded.MaxPriorityFeePerGas!.Value, (long)decoded.GasLimit!.Value, (long)decoded.Amount!.Value));
        Assert.Equal(TestKeys.Address1, decoded.ReceiverAddress, ignoreCase: true);
    }

    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class HighSSigner(IEvmSigner inner) : IEvmSigner
    {
        public string Address => inner.Address;

        public async ValueTask<byte[]> SignAsync(byte[] digest, CancellationToken cancellationToken = default)
        {
            byte[] low = await inner.SignAsync(digest, cancellationToken);
            byte[] high = (Order - new BigInteger(low.AsSpan(32, 32), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
            return [.. low[..32], .. new byte[32 - high.Length], .. high, (byte)(low[64] ^ 1)];
        }
    }

    private sealed class LyingSigner : IEvmSigner
    {
        private readonly EthECKey other = EthECKey.GenerateKey();

        public string Address => TestKeys.Address0;

        public ValueTask<byte[]> SignAsync(byte[] digest, CancellationToken cancellationToken = default) =>
            new EvmPrivateKeySigner(other.GetPrivateKey()).SignAsync(digest, cancellationToken);
    }
}
