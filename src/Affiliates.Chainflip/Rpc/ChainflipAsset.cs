using System.Text.Json.Nodes;
using Affiliates.Brokers;

namespace Affiliates.Chainflip.Rpc;

/// <summary>An asset as Chainflip names it: a chain (<c>"Ethereum"</c>, case-sensitive) and an upper-case symbol, sent as <c>{"chain","asset"}</c>.</summary>
public sealed record ChainflipAsset
{
    /// <summary>Initializes a new instance of the <see cref="ChainflipAsset"/> class.</summary>
    /// <param name="chain">A Chainflip chain name, spelt as the node spells them: a capital and lower-case letters ("Ethereum", "Bitcoin", "Assethub", "Bsc").</param>
    /// <param name="symbol">The upper-case symbol ("USDC", "ETH", "BTC", …).</param>
    /// <exception cref="ArgumentException">The chain is not spelt as Chainflip spells chains (the node refuses "ETHEREUM"), or the symbol is empty or not upper case.</exception>
    public ChainflipAsset(string chain, string symbol)
    {
        // New chains appear over releases (Tron and Bsc in 2.2), so the spelling is checked, not a list.
        if (string.IsNullOrEmpty(chain) || chain.Length > 16 || chain[0] is < 'A' or > 'Z' || chain.AsSpan(1).IndexOfAnyExceptInRange('a', 'z') >= 0)
        {
            throw new ArgumentException($"'{chain}' is not a Chainflip chain name (a capital then lower-case letters, as in \"Ethereum\").", nameof(chain));
        }

        if (string.IsNullOrEmpty(symbol) || symbol.Length > 16 || symbol.Any(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9'))))
        {
            throw new ArgumentException($"'{symbol}' is not a Chainflip asset symbol (upper-case letters and digits).", nameof(symbol));
        }

        Chain = chain;
        Symbol = symbol;
    }

    /// <summary>Gets USDC on Ethereum, the asset all broker and affiliate commission is paid in.</summary>
    public static ChainflipAsset EthereumUsdc { get; } = new("Ethereum", "USDC");

    /// <summary>Gets ETH on Ethereum.</summary>
    public static ChainflipAsset EthereumEth { get; } = new("Ethereum", "ETH");

    /// <summary>Gets FLIP on Ethereum.</summary>
    public static ChainflipAsset EthereumFlip { get; } = new("Ethereum", "FLIP");

    /// <summary>Gets BTC on Bitcoin.</summary>
    public static ChainflipAsset Btc { get; } = new("Bitcoin", "BTC");

    /// <summary>Gets SOL on Solana.</summary>
    public static ChainflipAsset Sol { get; } = new("Solana", "SOL");

    /// <summary>Gets the chain name.</summary>
    public string Chain { get; }

    /// <summary>Gets the symbol.</summary>
    public string Symbol { get; }

    /// <summary>Returns "SYMBOL on Chain".</summary>
    public override string ToString() => $"{Symbol} on {Chain}";

    internal JsonObject ToJson() => new() { ["chain"] = Chain, ["asset"] = Symbol };

    internal VaultSwapChain VaultSwapChain => Chain switch
    {
        "Bitcoin" => VaultSwapChain.Bitcoin,
        "Ethereum" => VaultSwapChain.Ethereum,
        "Arbitrum" => VaultSwapChain.Arbitrum,
        "Solana" => VaultSwapChain.Solana,
        "Tron" => VaultSwapChain.Tron,
        "Bsc" => VaultSwapChain.Bsc,
        _ => VaultSwapChain.Unknown,
    };
}
