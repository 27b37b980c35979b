namespace Affiliates.Brokers;

/// <summary>A delegated affiliate as the chain lists it (<c>cf_get_affiliates</c>): short id, account and withdrawal address, in canonical forms.</summary>
/// <param name="ShortId">The short id within the broker, 0 to 255.</param>
/// <param name="AccountId">The affiliate's account id, canonical SS58.</param>
/// <param name="WithdrawalAddress">Its registered Ethereum withdrawal address, canonical.</param>
public readonly record struct ChainAffiliate(int ShortId, string AccountId, string WithdrawalAddress);
