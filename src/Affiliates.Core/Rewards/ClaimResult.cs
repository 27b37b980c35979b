namespace Affiliates.Rewards;

/// <summary>The result of a claim; a retried claim id returns this same result.</summary>
/// <param name="ClaimId">The claim's id.</param>
/// <param name="Participant">Who claimed.</param>
/// <param name="Mode">What was asked for.</param>
/// <param name="Status">How the claim ended.</param>
/// <param name="Paid">What the claim pays, in the reward asset's base units.</param>
/// <param name="BalanceAfter">The balance left in the account after the claim.</param>
public sealed record ClaimResult(string ClaimId, string Participant, ClaimMode Mode, ClaimStatus Status, Amount Paid, Amount BalanceAfter);
