using System.Numerics;
using Nethereum.ABI;

namespace Affiliates.Evm;

/// <summary>The few contract calls the adapter encodes: a selector followed by Nethereum's ABI encoding of the arguments.</summary>
internal static class Abi
{
    private static readonly byte[] IsValidSignatureSelector = [0x16, 0x26, 0xba, 0x7e];
    private static readonly byte[] TransferSelector = [0xa9, 0x05, 0x9c, 0xbb];
    private static readonly byte[] BalanceOfSelector = [0x70, 0xa0, 0x82, 0x31];

    /// <summary><c>isValidSignature(bytes32 hash, bytes signature)</c> of EIP-1271.</summary>
    public static byte[] IsValidSignature(byte[] hash, byte[] signature) =>
        [.. IsValidSignatureSelector, .. new ABIEncode().GetABIEncoded(new ABIValue("bytes32", hash), new ABIValue("bytes", signature))];

    /// <summary><c>transfer(address to, uint256 amount)</c> of ERC-20.</summary>
    public static byte[] Transfer(string to, BigInteger amount) =>
        [.. TransferSelector, .. new ABIEncode().GetABIEncoded(new ABIValue("address", to), new ABIValue("uint256", amount))];

    /// <summary><c>balanceOf(address owner)</c> of ERC-20.</summary>
    public static byte[] BalanceOf(string owner) =>
        [.. BalanceOfSelector, .. new ABIEncode().GetABIEncoded(new ABIValue("address", owner))];
}
