using Affiliates.Rewards;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

public class RewardAccountsTests
{
    [Fact]
    public void UnclaimedRewards_CarryOverFromEpochToEpoch()
    {
        var accounts = new RewardAccounts(new InMemoryRewardLedger());
        accounts.TryCredit("A", Cow(10));
        accounts.TryCredit("A", Cow(5));

        Assert.Equal(Cow(15), accounts.Account("A").Balance);
    }

    [Fact]
    public void Claim_RetriedWithTheSameId_ReturnsTheFirstResultAndNeverPaysTwice()
    {
        var accounts = new RewardAccounts(new InMemoryRewardLedger());
        accounts.TryCredit("A", Cow(10));

        ClaimResult first = accounts.Claim("claim-1", "A", ClaimMode.Surplus);
        accounts.TryCredit("A", Cow(3));
        ClaimResult retry = accounts.Claim("claim-1", "A", ClaimMode.Surplus);

        Assert.Same(first, retry);
        Assert.Equal((ClaimStatus.Paid, Cow(10)), (first.Status, first.Paid));
        Assert.Equal(new RewardAccount("A", Cow(13), Cow(10), false), accounts.Account("A"));
    }

    [Fact]
    public void Claim_IdUsedByAnotherParticipant_IsRejected()
    {
        var accounts = new RewardAccounts(new InMemoryRewardLedger());
        accounts.Claim("claim-1", "A", ClaimMode.Surplus);

        Assert.Throws<ArgumentException>(() => accounts.Claim("claim-1", "B", ClaimMode.Surplus));
    }

    [Fact]
    public void Claim_WithLockedMinimum_PaysOnlyTheSurplusAndStaysEligible()
    {
        var accounts = new RewardAccounts(new InMemoryRewardLedger(), lockedMinimum: Cow(100));
        accounts.TryCredit("A", Cow(60));

        ClaimResult below = accounts.Claim("c1", "A", ClaimMode.Surplus);
        accounts.TryCredit("A", Cow(90));
        ClaimResult surplus = accounts.Claim("c2", "A", ClaimMode.Surplus);

        Assert.Equal((ClaimStatus.NothingAboveLockedMinimum, Amount.Zero, Cow(60)), (below.Status, below.Paid, below.BalanceAfter));
        Assert.Equal((ClaimStatus.Paid, Cow(50), Cow(100)), (surplus.Status, surplus.Paid, surplus.BalanceAfter));
        Assert.True(accounts.TryCredit("A", Cow(1)));
    }

    [Fact]
    public void Claim_Exit_PaysEverythingAndEndsFurtherRewards()
    {
        var accounts = new RewardAccounts(new InMemoryRewardLedger(), lockedMinimum: Cow(100));
        accounts.TryCredit("A", Cow(150));

        ClaimResult exit = accounts.Claim("c1", "A", ClaimMode.Exit);
        bool credited = accounts.TryCredit("A", Cow(10));
        ClaimResult after = accounts.Claim("c2", "A", ClaimMode.Surplus);

        Assert.Equal((ClaimStatus.Exited, Cow(150), Amount.Zero), (exit.Status, exit.Paid, exit.BalanceAfter));
        Assert.False(credited);
        Assert.Equal((ClaimStatus.AlreadyLeft, Amount.Zero), (after.Status, after.Paid));
        Assert.True(accounts.HasLeft("A"));
    }

    [Fact]
    public void TryCredit_NegativeAmount_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RewardAccounts(new InMemoryRewardLedger()).TryCredit("A", Amount.FromUnits(-1)));
}
