namespace Affiliates.Rewards;

/// <summary>Where <see cref="RewardAccounts"/> keeps reward accounts and claim results.</summary>
public interface IRewardLedger
{
    /// <summary>Returns the account of <paramref name="participant"/>, or null when it has none.</summary>
    /// <param name="participant">The participant.</param>
    RewardAccount? FindAccount(string participant);

    /// <summary>Returns the result of the claim with id <paramref name="claimId"/>, or null when there was none.</summary>
    /// <param name="claimId">The claim id.</param>
    ClaimResult? FindClaim(string claimId);

    /// <summary>Saves an account and, when given, the claim that changed it, together (both or neither).</summary>
    /// <param name="account">The account's new state.</param>
    /// <param name="claim">The claim that produced it, or null for a credit.</param>
    void Save(RewardAccount account, ClaimResult? claim = null);
}
