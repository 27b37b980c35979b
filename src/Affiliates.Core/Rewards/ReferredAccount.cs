using NodaTime;

namespace Affiliates.Rewards;

/// <summary>An account referred through a link, as a candidate for an onboarding reward.</summary>
/// <param name="Account">The referred account's address.</param>
/// <param name="Code">The link (referral code) it came through; the monthly limit is per code.</param>
/// <param name="Referrer">The affiliate who owns the link and receives the reward.</param>
/// <param name="ReferredAt">When the account was referred; its UTC calendar month is the one counted.</param>
public sealed record ReferredAccount(string Account, string Code, string Referrer, Instant ReferredAt);
