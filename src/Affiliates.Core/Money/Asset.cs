namespace Affiliates;

/// <summary>
/// A token on a chain, with the number of decimals that relate its base units to one whole token.
/// </summary>
/// <param name="Chain">The chain the asset lives on, lower case (see <see cref="Chains"/>).</param>
/// <param name="Symbol">The ticker, upper case.</param>
/// <param name="Decimals">Decimals of the base unit (USDC 6, SOL 9, ETH 18).</param>
/// <param name="Contract">The mint or contract address; null for a chain's native asset or an off-chain unit.</param>
public sealed record Asset(string Chain, string Symbol, int Decimals, string? Contract = null)
{
    /// <summary>Gets the chain, lower case.</summary>
    public string Chain { get; } = ValidName(Chain, nameof(Chain));

    /// <summary>Gets the ticker.</summary>
    public string Symbol { get; } = ValidName(Symbol, nameof(Symbol));

    /// <summary>Gets the number of decimals (0 to 30).</summary>
    public int Decimals { get; } = ValidDecimals(Decimals);

    /// <summary>Gets native SOL (9 decimals; base unit lamport).</summary>
    public static Asset Sol { get; } = new(Chains.Solana, "SOL", 9);

    /// <summary>Gets USDC on Solana (6 decimals).</summary>
    public static Asset UsdcSolana { get; } = new(Chains.Solana, "USDC", 6, "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    /// <summary>Gets native ETH (18 decimals; base unit wei).</summary>
    public static Asset Eth { get; } = new(Chains.Ethereum, "ETH", 18);

    /// <summary>Gets USDC on Ethereum (6 decimals), the asset Chainflip pays broker and affiliate commission in.</summary>
    public static Asset UsdcEthereum { get; } = new(Chains.Ethereum, "USDC", 6, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");

    /// <summary>Gets the COW token on Ethereum (18 decimals).</summary>
    public static Asset Cow { get; } = new(Chains.Ethereum, "COW", 18, "0xDEf1CA1fb7FBcDC777520aa7f396b4E015F497aB");

    /// <summary>Gets the US dollar as an off-chain accounting unit in micro-dollars (6 decimals), used for scores and revenue.</summary>
    public static Asset Usd { get; } = new(Chains.OffChain, "USD", 6);

    /// <summary>Parses a decimal string ("1.5") into this asset's base units.</summary>
    /// <exception cref="AmountFormatException">The text is not a valid non-negative amount of this asset.</exception>
    public Amount Parse(string text) => Amount.Parse(text, Decimals);

    /// <summary>Creates an amount of whole tokens.</summary>
    public Amount Whole(long tokens) => Amount.FromWhole(tokens, Decimals);

    /// <summary>Formats base units as a decimal string ("1.5").</summary>
    public string Format(Amount amount) => amount.Format(Decimals);

    /// <summary>Returns "SYMBOL@chain".</summary>
    public override string ToString() => $"{Symbol}@{Chain}";

    private static string ValidName(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32)
        {
            throw new ArgumentException($"{name} must be 1 to 32 characters.", name);
        }

        return value;
    }

    private static int ValidDecimals(int decimals)
    {
        Preconditions.InRange(decimals, 0, DecimalAmount.MaxDecimals);
        return decimals;
    }
}
