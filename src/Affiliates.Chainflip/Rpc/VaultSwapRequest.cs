using System.Text.Json.Nodes;
using Affiliates.Brokers;
using Affiliates.Fees;

namespace Affiliates.Chainflip.Rpc;

/// <summary>A vault swap to encode (<c>broker_request_swap_parameter_encoding</c>): the swap, its beneficiaries and the source chain's extra parameters.</summary>
/// <remarks>Made by <see cref="Bitcoin"/>, <see cref="Evm"/> or <see cref="Solana"/>, which check the source chain's beneficiary limits (two affiliates on Bitcoin).</remarks>
public sealed class VaultSwapRequest
{
    private readonly JsonObject extraParameters;

    private VaultSwapRequest(ChainflipAsset source, ChainflipAsset destination, string destinationAddress, BeneficiaryList beneficiaries, int boostFeeBps, DcaParameters? dca, JsonObject extraParameters)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationAddress);
        ArgumentNullException.ThrowIfNull(beneficiaries);
        ArgumentOutOfRangeException.ThrowIfNegative(boostFeeBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(boostFeeBps, 255);
        Chain = source.VaultSwapChain;
        if (Chain == VaultSwapChain.Unknown)
        {
            throw new ArgumentException($"{source} cannot start a vault swap.", nameof(source));
        }

        VaultSwapLimits.Validate(Chain, beneficiaries.BrokerCommissionBps, beneficiaries.Affiliates);
        if (!beneficiaries.IsVaultSwap)
        {
            BeneficiaryList.ForVaultSwap(beneficiaries.BrokerCommissionBps, beneficiaries.Affiliates);
        }

        Source = source;
        Destination = destination;
        DestinationAddress = destinationAddress;
        Beneficiaries = beneficiaries;
        BoostFeeBps = boostFeeBps;
        Dca = dca;
        this.extraParameters = extraParameters;
    }

    /// <summary>Gets the chain the swap starts on.</summary>
    public VaultSwapChain Chain { get; }

    /// <summary>Gets the asset sent to the vault.</summary>
    public ChainflipAsset Source { get; }

    /// <summary>Gets the asset received.</summary>
    public ChainflipAsset Destination { get; }

    /// <summary>Gets where the output goes.</summary>
    public string DestinationAddress { get; }

    /// <summary>Gets the broker commission and affiliates (full account ids; the node turns them into short ids).</summary>
    public BeneficiaryList Beneficiaries { get; }

    /// <summary>Gets the most the user pays for boost, in bps.</summary>
    public int BoostFeeBps { get; }

    /// <summary>Gets the dollar-cost averaging, or null.</summary>
    public DcaParameters? Dca { get; }

    /// <summary>A vault swap from Bitcoin: at most two affiliates and a broker fee of at most 255 bps.</summary>
    /// <exception cref="BeneficiaryValidationException">The beneficiaries break a Bitcoin vault-swap limit.</exception>
    public static VaultSwapRequest Bitcoin(
        ChainflipAsset destination, string destinationAddress, BeneficiaryList beneficiaries, Amount minOutputAmount, int retryDurationBlocks, int? maxOraclePriceSlippageBps = null, int boostFeeBps = 0, DcaParameters? dca = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minOutputAmount.Units, nameof(minOutputAmount));
        ArgumentOutOfRangeException.ThrowIfNegative(retryDurationBlocks);
        if (maxOraclePriceSlippageBps is { } slippage)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slippage, nameof(maxOraclePriceSlippageBps));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(slippage, 255, nameof(maxOraclePriceSlippageBps));
        }

        return new(ChainflipAsset.Btc, destination, destinationAddress, beneficiaries, boostFeeBps, dca, new JsonObject
        {
            ["chain"] = "Bitcoin",
            ["min_output_amount"] = RefundParameters.Hex((System.Numerics.BigInteger)minOutputAmount.Units),
            ["retry_duration"] = retryDurationBlocks,
            ["max_oracle_price_slippage"] = maxOraclePriceSlippageBps,
        });
    }

    /// <summary>A vault swap from an EVM chain (Ethereum, Arbitrum, Tron, BNB Smart Chain): up to five affiliates of at most 255 bps each.</summary>
    /// <exception cref="BeneficiaryValidationException">The beneficiaries break a vault-swap limit.</exception>
    /// <exception cref="ArgumentException">The source asset is not on an EVM chain.</exception>
    public static VaultSwapRequest Evm(
        ChainflipAsset source, ChainflipAsset destination, string destinationAddress, BeneficiaryList beneficiaries, Amount inputAmount, RefundParameters refund, int boostFeeBps = 0, DcaParameters? dca = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentOutOfRangeException.ThrowIfNegative(inputAmount.Units, nameof(inputAmount));
        if (source.VaultSwapChain is not (VaultSwapChain.Ethereum or VaultSwapChain.Arbitrum or VaultSwapChain.Tron or VaultSwapChain.Bsc))
        {
            throw new ArgumentException($"{source} is not on an EVM chain.", nameof(source));
        }

        return new(source, destination, destinationAddress, beneficiaries, boostFeeBps, dca, new JsonObject
        {
            ["chain"] = source.Chain,
            ["input_amount"] = RefundParameters.Hex((System.Numerics.BigInteger)inputAmount.Units),
            ["refund_parameters"] = refund.ToJson(),
        });
    }

    /// <summary>A vault swap from Solana: up to five affiliates of at most 255 bps each.</summary>
    /// <param name="source">SOL or an SPL asset on Solana.</param>
    /// <param name="destination">The asset received.</param>
    /// <param name="destinationAddress">Where the output goes.</param>
    /// <param name="beneficiaries">The broker commission and affiliates.</param>
    /// <param name="from">The Solana account that sends the input.</param>
    /// <param name="seed">The 32-byte seed of the swap's event account.</param>
    /// <param name="inputAmount">The input in base units.</param>
    /// <param name="refund">The refund parameters.</param>
    /// <param name="fromTokenAccount">The sender's token account for an SPL input, or null for SOL.</param>
    /// <param name="boostFeeBps">The most the user pays for boost, in bps.</param>
    /// <param name="dca">Dollar-cost averaging, or null.</param>
    /// <exception cref="BeneficiaryValidationException">The beneficiaries break a vault-swap limit.</exception>
    public static VaultSwapRequest Solana(
        ChainflipAsset source, ChainflipAsset destination, string destinationAddress, BeneficiaryList beneficiaries, string from, ReadOnlySpan<byte> seed, Amount inputAmount, RefundParameters refund, string? fromTokenAccount = null, int boostFeeBps = 0, DcaParameters? dca = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentOutOfRangeException.ThrowIfNegative(inputAmount.Units, nameof(inputAmount));
        if (source.VaultSwapChain != VaultSwapChain.Solana)
        {
            throw new ArgumentException($"{source} is not on Solana.", nameof(source));
        }

        if (seed.Length != 32)
        {
            throw new ArgumentException($"The seed has {seed.Length} bytes, not 32.", nameof(seed));
        }

        return new(source, destination, destinationAddress, beneficiaries, boostFeeBps, dca, new JsonObject
        {
            ["chain"] = "Solana",
            ["from"] = from,
            ["seed"] = "0x" + Convert.ToHexStringLower(seed),
            ["input_amount"] = RefundParameters.Hex((System.Numerics.BigInteger)inputAmount.Units),
            ["refund_parameters"] = refund.ToJson(),
            ["from_token_account"] = fromTokenAccount,
        });
    }

    internal JsonObject ExtraParameters() => (JsonObject)extraParameters.DeepClone();
}
