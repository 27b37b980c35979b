namespace Affiliates.Chainflip.Rpc;

/// <summary>What <c>cf_account_info</c> says about an account (the 1.11+ shape or the older flat one).</summary>
/// <param name="Role">The account's role: "broker", "unregistered" (affiliates are), "liquidity_provider", "validator", …</param>
/// <param name="FlipBalance">Its FLIP balance in base units (18 decimals).</param>
/// <param name="AssetBalances">Its free balances per asset; for a broker on nodes before 1.11, its earned fees.</param>
/// <param name="Affiliates">A broker's delegated affiliates, by short id; empty for other roles.</param>
/// <param name="BoundFeeWithdrawalAddress">The address a broker bound its fee withdrawals to, or null.</param>
public sealed record AccountInfo(
    string Role,
    Amount FlipBalance,
    IReadOnlyDictionary<ChainflipAsset, Amount> AssetBalances,
    IReadOnlyList<RegisteredAffiliate> Affiliates,
    string? BoundFeeWithdrawalAddress)
{
    /// <summary>Gets a value indicating whether the account is a registered broker.</summary>
    public bool IsBroker => Role == "broker";
}
