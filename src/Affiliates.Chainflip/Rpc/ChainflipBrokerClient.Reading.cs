using System.Text.Json;
using Affiliates.Addresses;
using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Rpc;

public sealed partial class ChainflipBrokerClient
{
    private static List<RegisteredAffiliate> ReadAffiliates(string method, JsonElement result)
    {
        var json = new RpcJson(method);
        var affiliates = new List<RegisteredAffiliate>();
        foreach (JsonElement pair in json.Array(result, "result").EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw json.Malformed("each affiliate should be an [account, details] pair");
            }

            JsonElement details = pair[1];
            affiliates.Add(new RegisteredAffiliate(
                json.Account(pair[0], "account"),
                (int)json.Integer(json.Property(details, "short_id"), "short_id", Broker.MaxShortId),
                EthAddress(json, json.Property(details, "withdrawal_address"), "withdrawal_address")));
        }

        // The node lists storage order, not short-id order.
        affiliates.Sort((a, b) => a.ShortId.CompareTo(b.ShortId));
        return affiliates;
    }

    private static Withdrawal ReadWithdrawal(string method, JsonElement result)
    {
        var json = new RpcJson(method);
        JsonElement egress = json.Property(result, "egress_id");
        if (egress.ValueKind != JsonValueKind.Array || egress.GetArrayLength() != 2)
        {
            throw json.Malformed("'egress_id' should be a [chain, id] pair");
        }

        return new Withdrawal(
            json.String(json.Property(result, "tx_hash"), "tx_hash"),
            json.String(egress[0], "egress_id[0]"),
            U64(json, egress[1], "egress_id[1]"),
            json.Amount(json.Property(result, "egress_amount"), "egress_amount"),
            json.Amount(json.Property(result, "egress_fee"), "egress_fee"),
            json.String(json.Property(result, "destination_address"), "destination_address"));
    }

    private static VaultSwapDetails ReadVaultSwap(string method, JsonElement result)
    {
        var json = new RpcJson(method);
        string chain = json.String(json.Property(result, "chain"), "chain");
        string? Optional(string name) => json.OptionalProperty(result, name) is { } value ? json.String(value, name) : null;
        return chain switch
        {
            "Bitcoin" => new VaultSwapDetails(
                chain,
                result.GetRawText(),
                NulldataPayload: json.String(json.Property(result, "nulldata_payload"), "nulldata_payload"),
                DepositAddress: json.String(json.Property(result, "deposit_address"), "deposit_address")),
            "Solana" => new VaultSwapDetails(
                chain,
                result.GetRawText(),
                ProgramId: json.String(json.Property(result, "program_id"), "program_id"),
                Data: json.String(json.Property(result, "data"), "data")),
            _ => new VaultSwapDetails(
                chain,
                result.GetRawText(),
                Calldata: json.String(json.Property(result, "calldata"), "calldata"),
                Value: json.Amount(json.Property(result, "value"), "value"),
                To: json.String(json.Property(result, "to"), "to"),
                SourceTokenAddress: Optional("source_token_address")),
        };
    }

    private static Dictionary<ChainflipAsset, Amount> ReadAssetMap(RpcJson json, JsonElement map, string field)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw json.Malformed($"'{field}' should be an object of chains");
        }

        var balances = new Dictionary<ChainflipAsset, Amount>();
        foreach (JsonProperty chain in map.EnumerateObject())
        {
            if (chain.Value.ValueKind != JsonValueKind.Object)
            {
                throw json.Malformed($"'{field}.{chain.Name}' should be an object of assets");
            }

            foreach (JsonProperty asset in chain.Value.EnumerateObject())
            {
                ChainflipAsset key;
                try
                {
                    key = new ChainflipAsset(chain.Name, asset.Name);
                }
                catch (ArgumentException)
                {
                    throw json.Malformed($"'{field}.{chain.Name}.{asset.Name}' is not a Chainflip asset");
                }

                balances[key] = json.Amount(asset.Value, $"{field}.{chain.Name}.{asset.Name}");
            }
        }

        return balances;
    }

    private static AccountInfo ReadAccountInfo(RpcJson json, JsonElement result)
    {
        string role = json.String(json.Property(result, "role"), "role");
        Amount flip = json.Amount(json.Property(result, "flip_balance"), "flip_balance");

        // 1.11+ lists asset_balances for every role; older nodes gave a broker only earned_fees.
        JsonElement? balances = json.OptionalProperty(result, "asset_balances") ?? json.OptionalProperty(result, "earned_fees");
        var affiliates = new List<RegisteredAffiliate>();
        if (json.OptionalProperty(result, "affiliates") is { } list)
        {
            foreach (JsonElement affiliate in json.Array(list, "affiliates").EnumerateArray())
            {
                affiliates.Add(new RegisteredAffiliate(
                    json.Account(json.Property(affiliate, "account_id"), "affiliates.account_id"),
                    (int)json.Integer(json.Property(affiliate, "short_id"), "affiliates.short_id", Broker.MaxShortId),
                    EthAddress(json, json.Property(affiliate, "withdrawal_address"), "affiliates.withdrawal_address")));
            }

            affiliates.Sort((a, b) => a.ShortId.CompareTo(b.ShortId));
        }

        string? bound = json.OptionalProperty(result, "bound_fee_withdrawal_address") is { } address
            ? EthAddress(json, address, "bound_fee_withdrawal_address")
            : null;
        return new AccountInfo(
            role,
            flip,
            balances is { } map ? ReadAssetMap(json, map, "asset_balances") : [],
            affiliates,
            bound);
    }

    private static string EthAddress(RpcJson json, JsonElement value, string field)
    {
        string text = json.String(value, field);
        AddressParseResult parsed = EthereumAddress.Instance.Parse(text.ToLowerInvariant());
        return parsed.IsValid
            ? EthereumAddress.ToWire(parsed.Canonical!)
            : throw json.Malformed($"'{field}' ({text}) is not an Ethereum address: it {parsed.Detail}");
    }

    private static ulong U64(RpcJson json, JsonElement value, string field)
    {
        System.Numerics.BigInteger number = json.Unsigned(value, field);
        return number <= ulong.MaxValue ? (ulong)number : throw json.Malformed($"'{field}' ({value.GetRawText()}) does not fit 64 bits");
    }

    private static string? TxHash(string method, JsonElement result)
    {
        if (result.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        var json = new RpcJson(method);
        string hash = json.String(result, "result");
        return hash.StartsWith("0x", StringComparison.Ordinal) ? hash : throw json.Malformed($"'result' (\"{hash}\") is not a 0x transaction hash");
    }
}
