using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Rpc;

/// <summary>Reads the node's JSON strictly: anything unexpected is a <see cref="ChainflipError.MalformedResponse"/> naming the field.</summary>
internal readonly struct RpcJson(string method)
{
    private static readonly BigInteger MaxAmount = (BigInteger)Int128.MaxValue;

    public JsonElement Property(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Malformed($"expected an object holding '{name}', got {Describe(obj)}");
        }

        return obj.TryGetProperty(name, out JsonElement value) ? value : throw Malformed($"'{name}' is missing");
    }

    public JsonElement? OptionalProperty(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string String(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Malformed($"'{field}' should be a non-empty string, got {Describe(value)}");

    public long Integer(JsonElement value, string field, long max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number >= 0 && number <= max
            ? number
            : throw Malformed($"'{field}' should be a whole number from 0 to {max}, got {Describe(value)}");

    public JsonElement Array(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Array ? value : throw Malformed($"'{field}' should be an array, got {Describe(value)}");

    public ChainflipAccountId Account(JsonElement value, string field)
    {
        string text = String(value, field);
        return ChainflipAccountId.TryRead(text, anyNetwork: true, out ChainflipAccountId? id) is { IsValid: false } result
            ? throw Malformed($"'{field}' ({text}) is not an SS58 account id: it {result.Detail}")
            : id!;
    }

    /// <summary>Reads a U256 or NumberOrHex amount: a JSON number (u64) or a <c>0x</c> hex string; a string without <c>0x</c> is refused, as the node would read it as hex.</summary>
    public Amount Amount(JsonElement value, string field)
    {
        BigInteger units = Unsigned(value, field);
        return units > MaxAmount
            ? throw Malformed($"'{field}' ({value.GetRawText()}) is larger than an amount can hold")
            : Affiliates.Amount.FromUnits((Int128)units);
    }

    public BigInteger Unsigned(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetUInt64(out ulong number)
                ? number
                : throw Malformed($"'{field}' ({value.GetRawText()}) is not a whole number of base units that fits 64 bits");
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
        {
            if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length is < 3 or > 66 || text.AsSpan(2).IndexOfAnyExcept("0123456789abcdefABCDEF") >= 0)
            {
                throw Malformed($"'{field}' (\"{text}\") is not 0x-prefixed hex");
            }

            return BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        throw Malformed($"'{field}' should be a number or a hex string, got {Describe(value)}");
    }

    public ChainflipRpcException Malformed(string detail) =>
        new(ChainflipError.MalformedResponse, method, $"unexpected response: {detail}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.Object or JsonValueKind.Array => value.ValueKind.ToString().ToLowerInvariant(),
        _ => value.GetRawText(),
    };
}
