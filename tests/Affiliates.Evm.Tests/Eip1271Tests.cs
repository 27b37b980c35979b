using Nethereum.ABI;
using Nethereum.Signer;

namespace Affiliates.Evm.Tests;

[Collection(AnvilCollection.Name)]
public sealed class Eip1271Tests(AnvilNode anvil)
{
    [Fact]
    public async Task ContractWallet_SignedByItsOwner_VerifiesThroughIsValidSignature()
    {
        (EthECKey owner, string wallet) = await DeployWalletAsync();
        var verifier = new EvmSignatureVerifier(AnvilNode.ChainId, EvmRpc.ForUrl(anvil.Url), null);
        string message = EvmSignatureVerifierTests.Request(wallet, "n-1");

        string personal = new EthereumMessageSigner().EncodeUTF8AndSign(message, owner);
        string typed = TypedDataWallet.Sign(SignedRequestTypedData.ToJson(message, AnvilNode.ChainId), owner.GetPrivateKey());

        Assert.True(await verifier.VerifyAsync(wallet, message, personal));
        Assert.True(await verifier.VerifyAsync(wallet, message, typed));
    }

    [Fact]
    public async Task ContractWallet_SignedBySomeoneElse_IsRefused_WhenTheWalletReverts()
    {
        (_, string wallet) = await DeployWalletAsync();
        EthECKey stranger = EthECKey.GenerateKey();
        var verifier = new EvmSignatureVerifier(AnvilNode.ChainId, EvmRpc.ForUrl(anvil.Url), null);
        string message = EvmSignatureVerifierTests.Request(wallet, "n-1");

        Assert.False(await verifier.VerifyAsync(wallet, message, new EthereumMessageSigner().EncodeUTF8AndSign(message, stranger)));
        Assert.False(await verifier.VerifyAsync(wallet, message, "0x1234"));
    }

    [Fact]
    public async Task ContractWallet_WithoutAnRpc_IsRefused()
    {
        (EthECKey owner, string wallet) = await DeployWalletAsync();
        var verifier = new EvmSignatureVerifier(AnvilNode.ChainId, null, null);
        string message = EvmSignatureVerifierTests.Request(wallet, "n-1");

        Assert.False(await verifier.VerifyAsync(wallet, message, new EthereumMessageSigner().EncodeUTF8AndSign(message, owner)));
    }

    [Fact]
    public async Task OrdinaryWallet_WithABadSignature_IsRefusedWithoutCallingIt()
    {
        EthECKey key = EthECKey.GenerateKey();
        var verifier = new EvmSignatureVerifier(AnvilNode.ChainId, EvmRpc.ForUrl(anvil.Url), null);
        string message = EvmSignatureVerifierTests.Request(key.GetPublicAddress(), "n-1");

        Assert.False(await verifier.VerifyAsync(key.GetPublicAddress(), message, new EthereumMessageSigner().EncodeUTF8AndSign(message, EthECKey.GenerateKey())));
    }

    [Fact]
    public async Task AnUnreachableNode_IsAnError_NotARefusal()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        int port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var verifier = new EvmSignatureVerifier(AnvilNode.ChainId, EvmRpc.ForUrl(new Uri($"http://127.0.0.1:{port}")), null);
        string signer = EthECKey.GenerateKey().GetPublicAddress();

        await Assert.ThrowsAnyAsync<Exception>(async () => await verifier.VerifyAsync(signer, "m", new EthereumMessageSigner().EncodeUTF8AndSign("m", EthECKey.GenerateKey())));
    }

    private async Task<(EthECKey Owner, string Wallet)> DeployWalletAsync()
    {
        EthECKey deployer = await anvil.NewWalletAsync(Nethereum.Web3.Web3.Convert.ToWei(1));
        EthECKey owner = EthECKey.GenerateKey();
        string wallet = await anvil.DeployAsync(deployer, "OwnedWallet", new ABIValue("address", owner.GetPublicAddress()));
        return (owner, EvmAddressCodec.Instance.Parse(wallet).Canonical!);
    }
}
