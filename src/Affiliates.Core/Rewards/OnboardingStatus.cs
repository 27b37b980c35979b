namespace Affiliates.Rewards;

/// <summary>Whether a referred account earned its referrer an onboarding reward, and if not, why.</summary>
public enum OnboardingStatus
{
    /// <summary>The reward was granted.</summary>
    Rewarded,

    /// <summary>No reward: the account does not satisfy the predicate.</summary>
    PredicateNotMet,

    /// <summary>No reward: the link already earned the most rewards allowed in that calendar month.</summary>
    LimitReached,

    /// <summary>No reward: the account already earned one.</summary>
    AlreadyRewarded,
}
