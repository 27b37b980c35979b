using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip.Rpc;

/// <summary>The answer to <c>broker_deregister_affiliate</c>: the account and the short id it freed.</summary>
/// <param name="AccountId">The affiliate's account id.</param>
/// <param name="ShortId">The short id now free for the next registration.</param>
public sealed record DeregisteredAffiliate(ChainflipAccountId AccountId, int ShortId);
