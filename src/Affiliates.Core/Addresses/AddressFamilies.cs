namespace Affiliates.Addresses;

/// <summary>The chain families an <see cref="IAddressCodec"/> can read.</summary>
public static class AddressFamilies
{
    /// <summary>Ethereum and EVM chains: 20 bytes as 0x-prefixed hex, EIP-55 mixed-case checksum.</summary>
    public const string Evm = "evm";

    /// <summary>Solana: 32-byte ed25519 public keys in Base58.</summary>
    public const string Solana = "solana";

    /// <summary>Substrate SS58 (Chainflip's state chain uses prefix 2112, addresses starting "cF").</summary>
    public const string Ss58 = "ss58";
}
