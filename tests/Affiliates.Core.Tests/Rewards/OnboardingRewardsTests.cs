using Affiliates.Rewards;
using NodaTime;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

public class OnboardingRewardsTests
{
    private static readonly Instant January = Instant.FromUtc(2026, 1, 31, 23, 0);
    private static readonly Instant February = Instant.FromUtc(2026, 2, 1, 0, 0);

    [Fact]
    public async Task Evaluate_StopsAtOneHundredPerLinkPerMonth_AndResetsNextMonth()
    {
        var onboarding = new OnboardingRewards(new EnsHolders(Enumerable.Range(0, 300).Select(Account)), Cow(50));

        IReadOnlyList<OnboardingOutcome> january = await onboarding.EvaluateAsync(Enumerable.Range(0, 101).Select(i => Referred(i, "LINK1", January)));
        OnboardingOutcome otherLink = await onboarding.EvaluateAsync(Referred(101, "LINK2", January));
        OnboardingOutcome february = await onboarding.EvaluateAsync(Referred(102, "LINK1", February));

        Assert.Equal(100, january.Count(o => o.Status == OnboardingStatus.Rewarded));
        Assert.Equal((Account(100), OnboardingStatus.LimitReached, Amount.Zero), (january[100].Account.Account, january[100].Status, january[100].Reward));
        Assert.Equal(Cow(5_000), january.Aggregate(Amount.Zero, (sum, o) => sum + o.Reward));
        Assert.Equal(OnboardingStatus.Rewarded, otherLink.Status);
        Assert.Equal((OnboardingStatus.Rewarded, Cow(50)), (february.Status, february.Reward));
    }

    [Fact]
    public async Task Evaluate_AccountWithoutThePredicate_EarnsNothingAndDoesNotUseTheLimit()
    {
        var onboarding = new OnboardingRewards(new EnsHolders([Account(1)]), Cow(50), limitPerLinkPerMonth: 1);

        OnboardingOutcome without = await onboarding.EvaluateAsync(Referred(0, "LINK1", January));
        OnboardingOutcome with = await onboarding.EvaluateAsync(Referred(1, "LINK1", January));

        Assert.Equal(OnboardingStatus.PredicateNotMet, without.Status);
        Assert.Equal(OnboardingStatus.Rewarded, with.Status);
    }

    [Fact]
    public async Task Evaluate_AccountAlreadyRewarded_IsNotRewardedAgain()
    {
        var onboarding = new OnboardingRewards(new EnsHolders([Account(1)]), Cow(50));
        await onboarding.EvaluateAsync(Referred(1, "LINK1", January));

        OnboardingOutcome again = await onboarding.EvaluateAsync(Referred(1, "LINK2", February));

        Assert.Equal(OnboardingStatus.AlreadyRewarded, again.Status);
    }

    private static string Account(int i) => $"0x{i:x40}";

    private static ReferredAccount Referred(int i, string code, Instant at) => new(Account(i), code, "A", at + Duration.FromSeconds(i));

    private sealed class EnsHolders(IEnumerable<string> holders) : IOnboardingPredicate
    {
        private readonly HashSet<string> holders = [.. holders];

        public ValueTask<bool> IsSatisfiedAsync(string account, CancellationToken cancellationToken) => ValueTask.FromResult(holders.Contains(account));
    }
}
