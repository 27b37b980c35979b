using NodaTime;

namespace Affiliates.Rewards;

/// <summary>
/// Fixed rewards for referred accounts that satisfy a predicate, at most a number per link (code) per UTC calendar month.
/// </summary>
/// <remarks>
/// An account earns at most one reward. Only rewarded accounts count toward a link's monthly limit; the next one that
/// qualifies gets <see cref="OnboardingStatus.LimitReached"/>, and the count starts again on the first of the next
/// month. Not safe for concurrent use: evaluate one account at a time, or a batch with <see cref="EvaluateAsync(IEnumerable{ReferredAccount}, CancellationToken)"/>.
/// </remarks>
public sealed class OnboardingRewards
{
    private readonly IOnboardingPredicate predicate;
    private readonly HashSet<string> rewarded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, YearMonth Month), int> perLinkMonth = [];

    /// <summary>Initializes a new instance of the <see cref="OnboardingRewards"/> class.</summary>
    /// <param name="predicate">Decides whether an account qualifies.</param>
    /// <param name="reward">The reward per qualifying account, in the reward asset's base units; not negative.</param>
    /// <param name="limitPerLinkPerMonth">The most rewards per link per UTC calendar month; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The reward is negative or the limit is below 1.</exception>
    public OnboardingRewards(IOnboardingPredicate predicate, Amount reward, int limitPerLinkPerMonth = 100)
    {
        this.predicate = Preconditions.NotNull(predicate);
        Preconditions.NotNegative(reward.Units, nameof(reward));
        Preconditions.InRange(limitPerLinkPerMonth, 1, int.MaxValue);
        Reward = reward;
        LimitPerLinkPerMonth = limitPerLinkPerMonth;
    }

    /// <summary>Gets the reward per qualifying account.</summary>
    public Amount Reward { get; }

    /// <summary>Gets the most rewards per link per calendar month.</summary>
    public int LimitPerLinkPerMonth { get; }

    /// <summary>Evaluates one referred account and records the reward when granted.</summary>
    /// <param name="account">The referred account.</param>
    /// <param name="cancellationToken">Cancels the predicate check.</param>
    public async ValueTask<OnboardingOutcome> EvaluateAsync(ReferredAccount account, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(account);
        if (rewarded.Contains(account.Account))
        {
            return new OnboardingOutcome(account, OnboardingStatus.AlreadyRewarded, Amount.Zero);
        }

        if (!await predicate.IsSatisfiedAsync(account.Account, cancellationToken).ConfigureAwait(false))
        {
            return new OnboardingOutcome(account, OnboardingStatus.PredicateNotMet, Amount.Zero);
        }

        var key = (account.Code, account.ReferredAt.InUtc().Date.ToYearMonth());
        perLinkMonth.TryGetValue(key, out int count);
        if (count >= LimitPerLinkPerMonth)
        {
            return new OnboardingOutcome(account, OnboardingStatus.LimitReached, Amount.Zero);
        }

        perLinkMonth[key] = count + 1;
        rewarded.Add(account.Account);
        return new OnboardingOutcome(account, OnboardingStatus.Rewarded, Reward);
    }

    /// <summary>Evaluates a batch in (time, account, code) order, so the outcome does not depend on the input order.</summary>
    /// <param name="accounts">The referred accounts.</param>
    /// <param name="cancellationToken">Cancels the predicate checks.</param>
    public async Task<IReadOnlyList<OnboardingOutcome>> EvaluateAsync(IEnumerable<ReferredAccount> accounts, CancellationToken cancellationToken = default)
    {
        ReferredAccount[] ordered = [.. Preconditions.NotNull(accounts)];
        foreach (ReferredAccount account in ordered)
        {
            Preconditions.NotNull(account, nameof(accounts));
        }

        Array.Sort(ordered, (a, b) => a.ReferredAt != b.ReferredAt ? a.ReferredAt.CompareTo(b.ReferredAt) : string.CompareOrdinal(a.Account + "\n" + a.Code, b.Account + "\n" + b.Code));
        var outcomes = new List<OnboardingOutcome>(ordered.Length);
        foreach (ReferredAccount account in ordered)
        {
            outcomes.Add(await EvaluateAsync(account, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }
}
