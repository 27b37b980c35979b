using System.Numerics;
using System.Text;
using System.Text.Json;
using Nethereum.ABI.EIP712;
using Nethereum.Signer.EIP712;
using Nethereum.Util;

namespace Affiliates.Evm;

/// <summary>
/// The EIP-712 form of the engine's signed requests, for wallets that sign typed data (MetaMask's
/// <c>eth_signTypedData_v4</c>): the same lines as the personal_sign text, one field each.
/// </summary>
/// <remarks>
/// Domain <c>EIP712Domain(string name,string version,uint256 chainId)</c> with name <c>"Affiliates"</c>, version
/// <c>"1"</c> and the host's chain id. Primary type
/// <c>AffiliatesRequest(string registry,string signer,string change,string code,string details,string nonce,string expires)</c>:
/// each field is the text after <c>"key: "</c> on its line of <c>SignedRequest.MessageFor</c>, and <c>details</c> holds
/// the change's own lines (between <c>code</c> and <c>nonce</c>) joined by <c>\n</c>, empty when there are none. Every
/// field is a string so that the typed form carries exactly the text's characters: two different requests never share
/// a digest, and the nonce and expiry are inside what is signed.
/// </remarks>
public static class SignedRequestTypedData
{
    /// <summary>The EIP-712 primary type name.</summary>
    public const string PrimaryType = "AffiliatesRequest";

    /// <summary>The domain name.</summary>
    public const string DomainName = "Affiliates";

    /// <summary>The domain version.</summary>
    public const string DomainVersion = "1";

    private const string Header = "Affiliates signed request v1";
    private static readonly string[] HeadKeys = ["registry", "signer", "change", "code"];
    private static readonly string[] TailKeys = ["nonce", "expires"];
    private static readonly string[] FieldNames = ["registry", "signer", "change", "code", "details", "nonce", "expires"];

    /// <summary>Returns the JSON a wallet's <c>eth_signTypedData_v4</c> takes for a signed request's text.</summary>
    /// <param name="message">The text of <c>SignedRequest.MessageFor</c>.</param>
    /// <param name="chainId">The chain id of the host's EVM options.</param>
    /// <returns>The typed data: <c>types</c>, <c>primaryType</c>, <c>domain</c> and <c>message</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is not the text of a signed request.</exception>
    public static string ToJson(string message, long chainId)
    {
        string[] fields = Fields(message) ?? throw new ArgumentException("The message is not the text of an Affiliates signed request.", nameof(message));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("types");
            json.WriteStartArray("EIP712Domain");
            Member(json, "name", "string");
            Member(json, "version", "string");
            Member(json, "chainId", "uint256");
            json.WriteEndArray();
            json.WriteStartArray(PrimaryType);
            foreach (string name in FieldNames)
            {
                Member(json, name, "string");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("primaryType", PrimaryType);
            json.WriteStartObject("domain");
            json.WriteString("name", DomainName);
            json.WriteString("version", DomainVersion);
            json.WriteNumber("chainId", chainId);
            json.WriteEndObject();
            json.WriteStartObject("message");
            for (int i = 0; i < FieldNames.Length; i++)
            {
                json.WriteString(FieldNames[i], fields[i]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Returns the EIP-712 digest a wallet signs for the text, or <see langword="null"/> if it is not a signed request.</summary>
    internal static byte[]? Digest(string message, long chainId)
    {
        string[]? fields = Fields(message);
        if (fields is null)
        {
            return null;
        }

        var typedData = new TypedDataRaw
        {
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] =
                [
                    new MemberDescription { Name = "name", Type = "string" },
                    new MemberDescription { Name = "version", Type = "string" },
                    new MemberDescription { Name = "chainId", Type = "uint256" },
                ],
                [PrimaryType] = [.. FieldNames.Select(name => new MemberDescription { Name = name, Type = "string" })],
            },
            PrimaryType = PrimaryType,
            DomainRawValues =
            [
                new MemberValue { TypeName = "string", Value = DomainName },
                new MemberValue { TypeName = "string", Value = DomainVersion },
                new MemberValue { TypeName = "uint256", Value = new BigInteger(chainId) },
            ],
            Message = [.. fields.Select(field => new MemberValue { TypeName = "string", Value = field })],
        };
        return Sha3Keccack.Current.CalculateHash(Eip712TypedDataSigner.Current.EncodeTypedDataRaw(typedData));
    }

    /// <summary>Splits the text into the seven field values, or returns <see langword="null"/> if a line is not where it must be.</summary>
    private static string[]? Fields(string message)
    {
        string[] lines = message.Split('\n');
        if (lines.Length < 1 + HeadKeys.Length + TailKeys.Length || lines[0] != Header)
        {
            return null;
        }

        var fields = new string[FieldNames.Length];
        for (int i = 0; i < HeadKeys.Length; i++)
        {
            if (Value(lines[1 + i], HeadKeys[i]) is not { } value)
            {
                return null;
            }

            fields[i] = value;
        }

        int tail = lines.Length - TailKeys.Length;
        fields[HeadKeys.Length] = string.Join('\n', lines[(1 + HeadKeys.Length)..tail]);
        for (int i = 0; i < TailKeys.Length; i++)
        {
            if (Value(lines[tail + i], TailKeys[i]) is not { } value)
            {
                return null;
            }

            fields[HeadKeys.Length + 1 + i] = value;
        }

        return fields;
    }

    private static string? Value(string line, string key) =>
        line.Length >= key.Length + 2 && line.StartsWith(key, StringComparison.Ordinal) && line[key.Length] == ':' && line[key.Length + 1] == ' '
            ? line[(key.Length + 2)..]
            : null;

    private static void Member(Utf8JsonWriter json, string name, string type)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("type", type);
        json.WriteEndObject();
    }
}
