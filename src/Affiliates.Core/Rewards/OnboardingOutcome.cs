namespace Affiliates.Rewards;

/// <summary>The outcome of one referred account for onboarding rewards.</summary>
/// <param name="Account">The referred account.</param>
/// <param name="Status">Whether it was rewarded, and if not, why.</param>
/// <param name="Reward">The reward for the referrer; zero unless <paramref name="Status"/> is <see cref="OnboardingStatus.Rewarded"/>.</param>
public sealed record OnboardingOutcome(ReferredAccount Account, OnboardingStatus Status, Amount Reward);
