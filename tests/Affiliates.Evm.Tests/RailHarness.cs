using System.Numerics;
using Affiliates.Payouts;
using Nethereum.ABI;
using Nethereum.Signer;
using Nethereum.Web3;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Evm.Tests;

/// <summary>A funded hot wallet, a freshly deployed test token (6 decimals) owned by another key, and rails over them on Anvil.</summary>
internal sealed class RailHarness
{
    public const string Chain = "anvil";

    private RailHarness(AnvilNode anvil, EthECKey hotWallet, EthECKey tokenOwner, string token)
    {
        Anvil = anvil;
        HotWallet = hotWallet;
        TokenOwner = tokenOwner;
        Token = token;
        Tusd = new Asset(Chain, "TUSD", 6, token);
    }

    public static Asset Eth { get; } = new(Chain, "ETH", 18);

    public AnvilNode Anvil { get; }

    public EthECKey HotWallet { get; }

    public EthECKey TokenOwner { get; }

    public string Token { get; }

    public Asset Tusd { get; }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 0, 0));

    public static async Task<RailHarness> CreateAsync(AnvilNode anvil, BigInteger? hotWalletWei = null, BigInteger? tokens = null)
    {
        EthECKey hot = await anvil.NewWalletAsync(hotWalletWei ?? Web3.Convert.ToWei(10));
        EthECKey owner = await anvil.NewWalletAsync(Web3.Convert.ToWei(10));
        string token = await anvil.DeployAsync(owner, "TestToken");
        var harness = new RailHarness(anvil, hot, owner, EvmAddressCodec.Instance.Parse(token).Canonical!);
        if (tokens is not { IsZero: true })
        {
            await harness.OwnerCallAsync("mint(address,uint256)", new ABIValue("address", hot.GetPublicAddress()), new ABIValue("uint256", tokens ?? 1_000_000_000_000));
        }

        return harness;
    }

    public EvmOptions Options(Action<EvmOptions>? change = null)
    {
        var options = new EvmOptions
        {
            RpcUrl = Anvil.Url,
            ChainId = AnvilNode.ChainId,
            Chain = Chain,
            Signer = new EvmPrivateKeySigner(HotWallet.GetPrivateKey()),
            Confirmations = 2,
        };
        options.TokenContracts.Add(Token);
        change?.Invoke(options);
        return options;
    }

    public EvmPayoutRail Rail(Action<EvmOptions>? change = null)
    {
        EvmOptions options = Options(change);
        return new EvmPayoutRail(options, EvmRpc.ForUrl(Anvil.Url), new EvmNonceManager(Clock, options.ReplaceAfter));
    }

    public Task OwnerCallAsync(string signature, params ABIValue[] arguments) => Anvil.SendAsync(TokenOwner, Token, AnvilNode.Calldata(signature, arguments));

    public static TransferRequest Request(string payoutId, string payee, Asset asset, long units, int attempt = 1) =>
        new("tr-" + payoutId, attempt, [new TransferLine(payoutId, payee, asset, Amount.FromUnits(units))]);

    /// <summary>Polls like the dispatcher does until the transfer is no longer pending (Anvil mines a moment after the send returns).</summary>
    public static async Task<TransferStatus> SettledAsync(IPayoutRail rail, PreparedTransfer transfer)
    {
        for (int poll = 0; ; poll++)
        {
            TransferStatus status = await rail.GetStatusAsync(transfer);
            if (status.State != TransferState.Pending || poll == 100)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the transfer has a receipt, whatever its outcome.</summary>
    public static async Task MinedAsync(AnvilNode anvil, PreparedTransfer transfer)
    {
        for (int poll = 0; poll < 100 && await anvil.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transfer.TransactionId) is null; poll++)
        {
            await Task.Delay(50);
        }
    }

    public Task<BigInteger> TokensOfAsync(string owner) => Anvil.TokenBalanceAsync(Token, owner);
}
