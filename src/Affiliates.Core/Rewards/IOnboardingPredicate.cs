namespace Affiliates.Rewards;

/// <summary>Decides whether a referred account qualifies for an onboarding reward (for example "holds an ENS name").</summary>
public interface IOnboardingPredicate
{
    /// <summary>Returns whether <paramref name="account"/> qualifies.</summary>
    /// <param name="account">The referred account's address.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<bool> IsSatisfiedAsync(string account, CancellationToken cancellationToken);
}
