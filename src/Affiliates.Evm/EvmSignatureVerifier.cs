using Affiliates.Programs;
using Nethereum.Signer;

namespace Affiliates.Evm;

/// <summary>
/// Verifies EVM wallet signatures of the engine's requests: EIP-191 personal_sign of the text, EIP-712 typed data
/// (<see cref="SignedRequestTypedData"/>), and EIP-1271 smart-contract wallets through <c>eth_call</c> when an RPC is set.
/// A signer that is not an EVM address goes to the verifier registered before this one.
/// </summary>
internal sealed class EvmSignatureVerifier(long chainId, EvmRpc? rpc, ISignatureVerifier? next) : ISignatureVerifier
{
    // bytes4(keccak256("isValidSignature(bytes32,bytes)")), which a contract wallet returns for a valid signature.
    private static readonly byte[] Eip1271Magic = [0x16, 0x26, 0xba, 0x7e];

    public async ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default)
    {
        if (signerAddress is null || message is null || signature is null)
        {
            return false;
        }

        if (EvmAddressCodec.Instance.Parse(signerAddress) is not { IsValid: true, Canonical: { } signer })
        {
            return next is not null && await next.VerifyAsync(signerAddress, message, signature, cancellationToken).ConfigureAwait(false);
        }

        if (EcdsaSignature.HexBytes(signature) is not { } signatureBytes)
        {
            return false;
        }

        byte[] personalHash = new EthereumMessageSigner().HashPrefixedMessage(System.Text.Encoding.UTF8.GetBytes(message));
        byte[]? typedHash = SignedRequestTypedData.Digest(message, chainId);
        if (EcdsaSignature.FromBytes(signatureBytes) is { } ecdsa
            && (ecdsa.RecoverAddress(personalHash) == signer || (typedHash is not null && ecdsa.RecoverAddress(typedHash) == signer)))
        {
            return true;
        }

        if (rpc is null || !await rpc.HasCodeAsync(signer, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        return await IsValidContractSignatureAsync(rpc, signer, personalHash, signatureBytes, cancellationToken).ConfigureAwait(false)
            || (typedHash is not null && await IsValidContractSignatureAsync(rpc, signer, typedHash, signatureBytes, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<bool> IsValidContractSignatureAsync(EvmRpc rpc, string wallet, byte[] hash, byte[] signature, CancellationToken cancellationToken)
    {
        byte[]? result = await rpc.CallAsync(wallet, Abi.IsValidSignature(hash, signature), cancellationToken).ConfigureAwait(false);
        return result is { Length: 32 } && result.AsSpan(0, 4).SequenceEqual(Eip1271Magic);
    }
}
