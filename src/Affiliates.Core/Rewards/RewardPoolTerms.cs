using Affiliates.Pools;

namespace Affiliates.Rewards;

/// <summary>The terms of a reward pool for an epoch: token list, score rules, pool sizing and participant cap.</summary>
public sealed class RewardPoolTerms
{
    /// <summary>Initializes a new instance of the <see cref="RewardPoolTerms"/> class.</summary>
    /// <param name="tokens">The tokens whose trades count.</param>
    /// <param name="sizing">How large each epoch's pool is.</param>
    /// <param name="scoring">The score rules; <see cref="ScoringRules.Default"/> when null.</param>
    /// <param name="participantCap">The most of the pool one participant may receive; 20 % when null; above zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">The participant cap is zero.</exception>
    public RewardPoolTerms(TokenList tokens, PoolSizing sizing, ScoringRules? scoring = null, Rate? participantCap = null)
    {
        Tokens = Preconditions.NotNull(tokens);
        Sizing = Preconditions.NotNull(sizing);
        Scoring = scoring ?? ScoringRules.Default;
        ParticipantCap = participantCap ?? Rate.FromPercent(20);
        if (ParticipantCap == Rate.Zero)
        {
            Preconditions.ThrowOutOfRange(nameof(participantCap), ParticipantCap, "must be above zero");
        }
    }

    /// <summary>Gets the tokens whose trades count.</summary>
    public TokenList Tokens { get; }

    /// <summary>Gets how large each epoch's pool is.</summary>
    public PoolSizing Sizing { get; }

    /// <summary>Gets the score rules.</summary>
    public ScoringRules Scoring { get; }

    /// <summary>Gets the most of the pool one participant may receive.</summary>
    public Rate ParticipantCap { get; }
}
