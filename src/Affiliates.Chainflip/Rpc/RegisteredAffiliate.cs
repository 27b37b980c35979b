using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Rpc;

/// <summary>A delegated affiliate as the node lists it (<c>cf_get_affiliates</c>, <c>broker_get_affiliates</c>).</summary>
/// <param name="AccountId">The affiliate's account id.</param>
/// <param name="ShortId">Its short id within the broker, 0 to 255.</param>
/// <param name="WithdrawalAddress">Its Ethereum withdrawal address as the node writes it (<c>0x</c> and 40 lower-case hex digits).</param>
public sealed record RegisteredAffiliate(ChainflipAccountId AccountId, int ShortId, string WithdrawalAddress);
