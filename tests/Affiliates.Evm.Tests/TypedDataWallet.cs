using System.Numerics;
using System.Text.Json;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;

namespace Affiliates.Evm.Tests;

/// <summary>
/// Signs eth_signTypedData_v4 JSON the way a wallet does, reading types, domain and message from the JSON itself.
/// Nethereum's own <c>SignTypedDataV4(json, key)</c> cannot be used: its JSON reader turns the ISO "expires" string
/// into a DateTime and then fails to encode it as a string.
/// </summary>
internal static class TypedDataWallet
{
    public static string Sign(string json, string privateKey)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var types = new Dictionary<string, MemberDescription[]>();
        foreach (JsonProperty type in root.GetProperty("types").EnumerateObject())
        {
            types[type.Name] = [.. type.Value.EnumerateArray().Select(m => new MemberDescription { Name = m.GetProperty("name").GetString(), Type = m.GetProperty("type").GetString() })];
        }

        string primaryType = root.GetProperty("primaryType").GetString()!;
        var typedData = new TypedDataRaw
        {
            Types = types,
            PrimaryType = primaryType,
            DomainRawValues = Values(types["EIP712Domain"], root.GetProperty("domain")),
            Message = Values(types[primaryType], root.GetProperty("message")),
        };
        byte[] digest = Sha3Keccack.Current.CalculateHash(Eip712TypedDataSigner.Current.EncodeTypedDataRaw(typedData));
        return EthECDSASignature.CreateStringSignature(new EthECKey(privateKey).SignAndCalculateV(digest));
    }

    private static MemberValue[] Values(MemberDescription[] members, JsonElement values) =>
        [.. members.Select(m => new MemberValue
        {
            TypeName = m.Type,
            Value = m.Type == "uint256" ? new BigInteger(values.GetProperty(m.Name).GetInt64()) : values.GetProperty(m.Name).GetString()!,
        })];
}
