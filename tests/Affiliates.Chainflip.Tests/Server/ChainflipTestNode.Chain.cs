using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Tests.Server;

internal sealed partial class ChainflipTestNode
{
    private static readonly string[] Chains = ["Ethereum", "Polkadot", "Bitcoin", "Arbitrum", "Solana", "Assethub", "Tron", "Bsc"];
    private static readonly string[] LegacyAssets = ["ETH", "FLIP", "USDC", "DOT", "BTC"];

    private readonly Lock gate = new();
    private readonly List<(int ShortId, ChainflipAccountId Account, string Withdrawal)> affiliates = [];
    private readonly Dictionary<ChainflipAccountId, BigInteger> usdc = [];
    private ulong nextEgressId = 174;
    private ulong nextChannelId = 6;

    /// <summary>Gets the node's broker: the DOCS mainnet broker, so derived affiliate ids match the reference's vectors.</summary>
    public ChainflipAccountId Broker { get; } = ChainflipAccountId.Parse("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1");

    public BigInteger EgressFee { get; set; } = 0x1843a;

    public BigInteger EgressDustLimit { get; set; } = 1_000;

    public int VaultSwapMinimumBrokerFee { get; set; }

    public bool PrivateBtcChannelOpen { get; set; }

    public bool WithdrawalsDisabled { get; set; }

    /// <summary>Credits commission in micro-USDC, as a swap would.</summary>
    public void Credit(ChainflipAccountId account, BigInteger microUsdc)
    {
        lock (gate)
        {
            usdc[account] = UsdcOf(account) + microUsdc;
        }
    }

    public BigInteger UsdcOf(ChainflipAccountId account)
    {
        lock (gate)
        {
            return usdc.GetValueOrDefault(account);
        }
    }

    /// <summary>Registers directly on "chain", as another tool of the broker would.</summary>
    public ChainflipAccountId RegisterOnChain(string withdrawalAddress)
    {
        lock (gate)
        {
            return (ChainflipAccountId)Register(withdrawalAddress.ToLowerInvariant());
        }
    }

    private JsonNode? Dispatch(string method, JsonArray p)
    {
        if (method.StartsWith("broker_", StringComparison.Ordinal) && !BrokerKeyLoaded)
        {
            throw new RpcFault(-32601, "Method not found");
        }

        lock (gate)
        {
            return method switch
            {
                "broker_register_affiliate" => ((ChainflipAccountId)Register(EthAddress(Arg(p, 0)))).Address,
                "broker_get_affiliates" => Affiliates(Broker, OptionalAccount(Arg(p, 0))),
                "cf_get_affiliates" => Affiliates(Account(Arg(p, 0)), OptionalAccount(Arg(p, 1))),
                "broker_deregister_affiliate" => Deregister(Account(Arg(p, 0))),
                "broker_affiliate_withdrawal_request" => WithdrawAffiliate(Account(Arg(p, 0))),
                "broker_withdraw_fees" => WithdrawBroker(Asset(Arg(p, 0)), Text(Arg(p, 1), "destination_address")),
                "broker_request_swap_deposit_address" => OpenChannel(p),
                "broker_request_swap_parameter_encoding" => EncodeVaultSwap(p),
                "cf_request_swap_parameter_encoding" => EncodeVaultSwap(new JsonArray([.. p.Skip(1).Select(n => n?.DeepClone())])),
                "broker_encode_cf_parameters" => EncodeCfParameters(p),
                "cf_free_balances" or "cf_asset_balances" => Balances(Account(Arg(p, 0))),
                "cf_account_info" => AccountInfo(Account(Arg(p, 0))),
                "broker_register_account" => "0x" + new string('1', 64),
                "broker_set_vault_swap_minimum_broker_fee" => SetMinimumFee(Arg(p, 0)),
                "broker_open_private_btc_channel" => OpenBtcChannel(),
                "broker_close_private_btc_channel" => CloseBtcChannel(),
                _ => throw new RpcFault(-32601, "Method not found"),
            };
        }
    }

    private object Register(string withdrawal)
    {
        // Chainflip 2.2+: the lowest free short id; the account id depends only on broker and short id.
        int shortId = Enumerable.Range(0, 256).FirstOrDefault(id => affiliates.All(a => a.ShortId != id), -1);
        if (shortId < 0)
        {
            throw Dispatch("Swapping", "AffiliateShortIdOutOfBounds", "The affiliate short id is out of bounds.");
        }

        ChainflipAccountId account = AffiliateAccountIds.Derive(Broker, (byte)shortId);
        affiliates.Add((shortId, account, withdrawal));
        return account;
    }

    private JsonArray Affiliates(ChainflipAccountId broker, ChainflipAccountId? only)
    {
        var list = new JsonArray();
        if (broker != Broker)
        {
            return list;
        }

        // Storage order is not short-id order: newest first here.
        foreach ((int shortId, ChainflipAccountId account, string withdrawal) in Enumerable.Reverse(affiliates))
        {
            if (only is null || only == account)
            {
                list.Add(new JsonArray(account.Address, new JsonObject { ["short_id"] = shortId, ["withdrawal_address"] = withdrawal }));
            }
        }

        return list;
    }

    private JsonObject Deregister(ChainflipAccountId account)
    {
        int index = IndexOf(account);
        if (UsdcOf(account) > 0)
        {
            throw Dispatch("Swapping", "AffiliateEarnedFeesNotWithdrawn", "Affiliate has earned fees that have not been withdrawn.");
        }

        int shortId = affiliates[index].ShortId;
        affiliates.RemoveAt(index);
        return new JsonObject { ["account_id"] = account.Address, ["short_id"] = shortId };
    }

    private JsonObject WithdrawAffiliate(ChainflipAccountId account)
    {
        string destination = affiliates[IndexOf(account)].Withdrawal;
        BigInteger balance = UsdcOf(account);
        JsonObject detail = Withdraw(balance, destination);
        usdc[account] = 0;
        return detail;
    }

    private JsonObject WithdrawBroker(string asset, string destination)
    {
        if (asset != "Ethereum.USDC")
        {
            throw Dispatch("Swapping", "NoFundsAvailable", "No funds available for withdrawal.");
        }

        BigInteger balance = UsdcOf(Broker);
        JsonObject detail = Withdraw(balance, destination.ToLowerInvariant());
        usdc[Broker] = 0;
        return detail;
    }

    private JsonObject Withdraw(BigInteger balance, string destination)
    {
        if (WithdrawalsDisabled)
        {
            throw Dispatch("Swapping", "WithdrawalsDisabled", "Withdrawals are disabled due to Safe Mode.");
        }

        if (balance.IsZero)
        {
            throw Dispatch("Swapping", "NoFundsAvailable", "No funds available for withdrawal.");
        }

        if (balance - EgressFee < EgressDustLimit)
        {
            throw Dispatch("EthereumIngressEgress", "BelowEgressDustLimit", "The egress amount is below the minimum egress amount.");
        }

        ulong egressId = nextEgressId++;
        return new JsonObject
        {
            ["tx_hash"] = "0x" + egressId.ToString("x64", CultureInfo.InvariantCulture),
            ["egress_id"] = new JsonArray("Ethereum", egressId),
            ["egress_amount"] = Amount(balance - EgressFee),
            ["egress_fee"] = Amount(EgressFee),
            ["destination_address"] = destination,
        };
    }

    private JsonObject OpenChannel(JsonArray p)
    {
        Asset(Arg(p, 0));
        Asset(Arg(p, 1));
        Text(Arg(p, 2), "destination_address");
        int brokerBps = U16(Arg(p, 3), "broker_commission");
        int total = brokerBps + Beneficiaries(Arg(p, 6)).Sum(b => b.Bps);
        JsonObject refund = Arg(p, 7) as JsonObject ?? throw new RpcFault(-32602, "Invalid params", "missing field `refund_parameters`");
        Hex(refund["min_price"], "min_price");
        if (total > 1000)
        {
            throw Dispatch("Swapping", "BrokerCommissionBpsTooHigh", "Broker commission bps is limited to 1000 points.");
        }

        ulong channel = nextChannelId++;
        return new JsonObject
        {
            ["address"] = "0x" + channel.ToString("x40", CultureInfo.InvariantCulture),
            ["issued_block"] = 5418,
            ["channel_id"] = channel,
            ["source_chain_expiry_block"] = AmountsAsNumbers ? 22950312 : "0x15e31a8",
            ["channel_opening_fee"] = "0x0",
            ["refund_parameters"] = refund.DeepClone(),
        };
    }

    private JsonObject EncodeVaultSwap(JsonArray p)
    {
        Asset(Arg(p, 0));
        Asset(Arg(p, 1));
        int brokerBps = U16(Arg(p, 3), "broker_commission");
        JsonObject extra = Arg(p, 4) as JsonObject ?? throw new RpcFault(-32602, "Invalid params", "missing field `extra_parameters`");
        string chain = (string?)extra["chain"] ?? throw new RpcFault(-32602, "Invalid params", "missing field `chain`");
        List<(ChainflipAccountId Account, int Bps)> beneficiaries = Beneficiaries(Arg(p, 7));
        CheckVaultSwapAffiliates(brokerBps, beneficiaries, chain);
        if (chain == "Bitcoin")
        {
            if (!PrivateBtcChannelOpen)
            {
                throw new RpcFault(-32021, "DispatchError: NoPrivateChannelExistsForBroker");
            }

            return new JsonObject
            {
                ["chain"] = "Bitcoin",
                ["nulldata_payload"] = "0x0001abab" + new string('0', 8),
                ["deposit_address"] = "bcrt1phs8wzjf79ga4y04ses8alz4dgjlz0jdx0r8uat6w04e5xcvqtqkqe4rx3c",
            };
        }

        Hex(extra["input_amount"], "input_amount");
        return new JsonObject
        {
            ["chain"] = chain,
            ["calldata"] = "0xdd687345" + new string('0', 56) + "01000000",
            ["value"] = "0x4563918244f40000",
            ["to"] = "0xb7a5bd0345ef1cc5e66bf61bdec17d2461fbd968",
            ["source_token_address"] = "0x10c6e9530f1c1af873a391030a1d9e8ed0630d26",
        };
    }

    private JsonNode EncodeCfParameters(JsonArray p)
    {
        Asset(Arg(p, 0));
        Asset(Arg(p, 1));
        int brokerBps = U16(Arg(p, 3), "broker_commission");
        if (Arg(p, 4) is not JsonObject)
        {
            throw new RpcFault(-32602, "Invalid params", "missing field `refund_parameters`");
        }

        CheckVaultSwapAffiliates(brokerBps, Beneficiaries(Arg(p, 7)), "Ethereum");
        return "0x00" + brokerBps.ToString("x4", CultureInfo.InvariantCulture);
    }

    private void CheckVaultSwapAffiliates(int brokerBps, List<(ChainflipAccountId Account, int Bps)> beneficiaries, string chain)
    {
        if (brokerBps + beneficiaries.Sum(b => b.Bps) > 1000)
        {
            throw new RpcFault(-32021, "DispatchError: BrokerCommissionBpsTooHigh");
        }

        if (brokerBps < VaultSwapMinimumBrokerFee)
        {
            throw new RpcFault(-32021, "DispatchError: Broker commission is too low");
        }

        if (chain == "Bitcoin" && beneficiaries.Count > 2)
        {
            throw new RpcFault(-32021, "DispatchError: Other(\"Too many affiliates\")");
        }

        foreach ((ChainflipAccountId account, int bps) in beneficiaries)
        {
            if (affiliates.All(a => a.Account != account))
            {
                throw new RpcFault(-32021, "DispatchError: AffiliateNotRegisteredForBroker");
            }

            if (bps > 255)
            {
                throw new RpcFault(-32021, "DispatchError: AffiliateFeeTooHigh");
            }
        }
    }

    private JsonObject Balances(ChainflipAccountId account) => new()
    {
        ["Ethereum"] = new JsonObject { ["ETH"] = Amount(0), ["FLIP"] = Amount(0), ["USDC"] = Amount(UsdcOf(account)), ["USDT"] = Amount(0), ["WBTC"] = Amount(0), ["CBBTC"] = Amount(0) },
        ["Polkadot"] = new JsonObject { ["DOT"] = Amount(0) },
        ["Bitcoin"] = new JsonObject { ["BTC"] = Amount(0) },
        ["Arbitrum"] = new JsonObject { ["ETH"] = Amount(0), ["USDC"] = Amount(0), ["USDT"] = Amount(0) },
        ["Solana"] = new JsonObject { ["SOL"] = Amount(0), ["USDC"] = Amount(0), ["USDT"] = Amount(0) },
        ["Assethub"] = new JsonObject { ["DOT"] = Amount(0), ["USDT"] = Amount(0), ["USDC"] = Amount(0) },
        ["Tron"] = new JsonObject { ["TRX"] = Amount(0), ["USDT"] = Amount(0) },
        ["Bsc"] = new JsonObject { ["BNB"] = Amount(0), ["USDT"] = Amount(0) },
    };

    private JsonObject AccountInfo(ChainflipAccountId account)
    {
        var info = new JsonObject
        {
            ["flip_balance"] = "0x4563918244f40000",
            ["asset_balances"] = Balances(account),
            ["bond"] = 0,
            ["estimated_redeemable_balance"] = "0x0",
            ["account_id"] = account.Address,
        };
        if (account != Broker)
        {
            info["role"] = "unregistered";
            return info;
        }

        info["role"] = "broker";
        info["earned_fees"] = Balances(account);
        if (affiliates.Count > 0)
        {
            info["affiliates"] = new JsonArray([.. affiliates.Select(a => new JsonObject { ["account_id"] = a.Account.Address, ["short_id"] = a.ShortId, ["withdrawal_address"] = a.Withdrawal })]);
        }

        return info;
    }

    private JsonNode SetMinimumFee(JsonNode? bps)
    {
        int fee = U16(bps, "minimum_fee_bps");
        if (fee > 1000)
        {
            throw Dispatch("Swapping", "BrokerCommissionBpsTooHigh", "Broker commission bps is limited to 1000 points.");
        }

        VaultSwapMinimumBrokerFee = fee;
        return "0x" + new string('2', 64);
    }

    private JsonNode OpenBtcChannel()
    {
        PrivateBtcChannelOpen = true;
        return 7;
    }

    private JsonNode CloseBtcChannel()
    {
        if (!PrivateBtcChannelOpen)
        {
            throw Dispatch("Swapping", "NoPrivateChannelExistsForBroker", "No private channel exists for this broker.");
        }

        PrivateBtcChannelOpen = false;
        return 7;
    }

    private int IndexOf(ChainflipAccountId account)
    {
        int index = affiliates.FindIndex(a => a.Account == account);
        return index >= 0 ? index : throw Dispatch("Swapping", "AffiliateNotRegisteredForBroker", "The given affiliate is not registered for this broker.");
    }

    private RpcFault Dispatch(string pallet, string name, string doc) => Errors == ErrorStyle.Node
        ? new RpcFault(-32024, $$"""KnownModuleError { pallet: "{{pallet}}", name: "{{name}}", error: "{{doc}}" }""")
        : new RpcFault(-32020, $"The transaction failed: Module error ‘{name}‘ from pallet ‘{pallet}‘: ‘{doc}‘");

    private JsonNode Amount(BigInteger value) =>
        AmountsAsNumbers && value <= (1L << 53)
            ? JsonValue.Create((ulong)value)
            : "0x" + (value.IsZero ? "0" : value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

    private static JsonNode? Arg(JsonArray p, int i) => i < p.Count ? p[i] : null;

    private static ChainflipAccountId Account(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) && ChainflipAccountId.TryRead(text, anyNetwork: true, out ChainflipAccountId? id).IsValid
            ? id!
            : throw new RpcFault(-32602, "Invalid params", $"Invalid SS58 account id: {node?.ToJsonString() ?? "null"}");

    private static ChainflipAccountId? OptionalAccount(JsonNode? node) => node is null ? null : Account(node);

    private static string Text(JsonNode? node, string field) =>
        node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : throw new RpcFault(-32602, "Invalid params", $"invalid type for `{field}`");

    private static string EthAddress(JsonNode? node)
    {
        string text = Text(node, "withdrawal_address");
        string hex = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
        return hex.Length == 40 && hex.All(Uri.IsHexDigit)
            ? "0x" + hex.ToLowerInvariant()
            : throw new RpcFault(-32602, "Invalid params", $"invalid length {hex.Length}, expected a (both 0x-prefixed or not) hex string with length of 40");
    }

    private static string Asset(JsonNode? node)
    {
        if (node is JsonValue legacy && legacy.TryGetValue(out string? symbol) && LegacyAssets.Contains(symbol, StringComparer.Ordinal))
        {
            return symbol == "BTC" ? "Bitcoin.BTC" : symbol == "DOT" ? "Polkadot.DOT" : "Ethereum." + symbol;
        }

        if (node is JsonObject asset && (string?)asset["chain"] is { } chain && Chains.Contains(chain, StringComparer.Ordinal)
            && (string?)asset["asset"] is { } name && name.Length > 0 && name.All(char.IsAsciiLetterUpper))
        {
            return chain + "." + name;
        }

        throw new RpcFault(-32602, "Invalid params", $"unknown asset {node?.ToJsonString() ?? "null"}");
    }

    private static int U16(JsonNode? node, string field) =>
        node is JsonValue value && value.TryGetValue(out int number) && number is >= 0 and <= ushort.MaxValue
            ? number
            : throw new RpcFault(-32602, "Invalid params", $"invalid value for `{field}`: expected u16");

    private static BigInteger Hex(JsonNode? node, string field)
    {
        if (node is JsonValue value && value.TryGetValue(out ulong number))
        {
            return number;
        }

        string text = Text(node, field);
        string hex = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
        return hex.Length > 0 && hex.All(Uri.IsHexDigit)
            ? BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : throw new RpcFault(-32602, "Invalid params", $"invalid hex for `{field}`");
    }

    private static List<(ChainflipAccountId Account, int Bps)> Beneficiaries(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            throw new RpcFault(-32602, "Invalid params", "invalid type for `affiliate_fees`: expected a sequence");
        }

        if (list.Count > 5)
        {
            throw new RpcFault(-32602, "Invalid params", "out of bounds: affiliate_fees has more than 5 entries");
        }

        return [.. list.Select(b => (Account(b?["account"]), U16(b?["bps"], "bps")))];
    }
}
