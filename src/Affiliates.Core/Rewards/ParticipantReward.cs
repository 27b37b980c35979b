namespace Affiliates.Rewards;

/// <summary>One participant's line in an epoch's distribution.</summary>
/// <param name="Participant">The affiliate.</param>
/// <param name="Score">Its score, in USD base units.</param>
/// <param name="ProRataShare">floor(pool × score / total score): what it would get without the cap.</param>
/// <param name="Reward">What it receives, in the reward asset's base units.</param>
/// <param name="Capped">True when the reward was held at the participant cap.</param>
/// <param name="LeftProgram">True when the participant had left the program; it then receives nothing and its score is not counted.</param>
public sealed record ParticipantReward(string Participant, Amount Score, Amount ProRataShare, Amount Reward, bool Capped, bool LeftProgram)
{
    /// <summary>Gets what the cap changed: <see cref="Reward"/> − <see cref="ProRataShare"/>; negative when capped, positive for those who received the excess.</summary>
    public Amount CapEffect => Reward - ProRataShare;
}
