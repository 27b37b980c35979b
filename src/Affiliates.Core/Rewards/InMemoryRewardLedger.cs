using System.Collections.Concurrent;

namespace Affiliates.Rewards;

/// <summary>An <see cref="IRewardLedger"/> kept in memory, for tests and single-process hosts.</summary>
public sealed class InMemoryRewardLedger : IRewardLedger
{
    private readonly ConcurrentDictionary<string, RewardAccount> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClaimResult> claims = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public RewardAccount? FindAccount(string participant) =>
        accounts.TryGetValue(Preconditions.NotNull(participant), out RewardAccount? account) ? account : null;

    /// <inheritdoc/>
    public ClaimResult? FindClaim(string claimId) =>
        claims.TryGetValue(Preconditions.NotNull(claimId), out ClaimResult? claim) ? claim : null;

    /// <inheritdoc/>
    /// <remarks><see cref="RewardAccounts"/> serializes writes, so saving the claim first cannot be seen half-done by it.</remarks>
    public void Save(RewardAccount account, ClaimResult? claim = null)
    {
        Preconditions.NotNull(account);
        if (claim is not null)
        {
            claims[claim.ClaimId] = claim;
        }

        accounts[account.Participant] = account;
    }
}
