namespace Affiliates.Rewards;

/// <summary>A participant's reward account: what it earned, what it claimed, and whether it left the program.</summary>
/// <param name="Participant">The participant.</param>
/// <param name="Earned">Everything credited so far, in the reward asset's base units.</param>
/// <param name="Claimed">Everything paid out by claims so far.</param>
/// <param name="Left">True once the participant claimed everything and left the program; it earns nothing more.</param>
public sealed record RewardAccount(string Participant, Amount Earned, Amount Claimed, bool Left)
{
    /// <summary>Gets the unclaimed balance, which carries over from epoch to epoch.</summary>
    public Amount Balance => Earned - Claimed;
}
