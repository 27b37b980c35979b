namespace Affiliates.Rewards;

/// <summary>
/// Reward accounts of a program's participants: credits accumulate, unclaimed balances carry over, claims are idempotent
/// by claim id, and an optional locked minimum stays in the account unless the participant leaves.
/// </summary>
/// <remarks>Operations are serialized within this instance; one instance should own a ledger.</remarks>
public sealed class RewardAccounts
{
    private readonly IRewardLedger ledger;
    private readonly Lock gate = new();

    /// <summary>Initializes a new instance of the <see cref="RewardAccounts"/> class.</summary>
    /// <param name="ledger">Where accounts and claims are kept.</param>
    /// <param name="lockedMinimum">The balance a participant must leave in its account to stay in the program; zero when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The locked minimum is negative.</exception>
    public RewardAccounts(IRewardLedger ledger, Amount? lockedMinimum = null)
    {
        this.ledger = Preconditions.NotNull(ledger);
        LockedMinimum = lockedMinimum ?? Amount.Zero;
        Preconditions.NotNegative(LockedMinimum.Units, nameof(lockedMinimum));
    }

    /// <summary>Gets the balance a participant must leave in its account to stay in the program.</summary>
    public Amount LockedMinimum { get; }

    /// <summary>Returns the account of <paramref name="participant"/> (empty when it never earned anything).</summary>
    /// <param name="participant">The participant.</param>
    public RewardAccount Account(string participant) =>
        ledger.FindAccount(Preconditions.NotNull(participant)) ?? new RewardAccount(participant, Amount.Zero, Amount.Zero, false);

    /// <summary>Returns whether <paramref name="participant"/> has left the program.</summary>
    /// <param name="participant">The participant.</param>
    public bool HasLeft(string participant) => Account(participant).Left;

    /// <summary>Credits <paramref name="amount"/> to <paramref name="participant"/>, unless it has left the program.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="amount">The reward; not negative.</param>
    /// <returns>True when credited; false when the participant has left the program and gets nothing more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public bool TryCredit(string participant, Amount amount)
    {
        Preconditions.NotNegative(amount.Units, nameof(amount));
        lock (gate)
        {
            RewardAccount account = Account(participant);
            if (account.Left)
            {
                return false;
            }

            ledger.Save(account with { Earned = account.Earned + amount });
            return true;
        }
    }

    /// <summary>Claims from the account of <paramref name="participant"/>; a retried <paramref name="claimId"/> returns the first result and pays nothing more.</summary>
    /// <param name="claimId">The claim's id, chosen by the caller and reused on retries.</param>
    /// <param name="participant">The participant.</param>
    /// <param name="mode">Claim the surplus above the locked minimum and stay, or claim everything and leave.</param>
    /// <exception cref="ArgumentException"><paramref name="claimId"/> was already used by another participant.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public ClaimResult Claim(string claimId, string participant, ClaimMode mode)
    {
        Preconditions.NotNull(claimId);
        Preconditions.NotNull(participant);
        if (!Enum.IsDefined(mode))
        {
            Preconditions.ThrowOutOfRange(nameof(mode), mode, "is not a claim mode");
        }

        lock (gate)
        {
            if (ledger.FindClaim(claimId) is { } first)
            {
                return first.Participant == participant
                    ? first
                    : throw new ArgumentException($"Claim '{claimId}' belongs to another participant.", nameof(claimId));
            }

            RewardAccount account = Account(participant);
            (ClaimStatus status, Amount paid) = account switch
            {
                { Left: true } => (ClaimStatus.AlreadyLeft, Amount.Zero),
                _ when mode == ClaimMode.Exit => (ClaimStatus.Exited, account.Balance),
                _ when account.Balance > LockedMinimum => (ClaimStatus.Paid, account.Balance - LockedMinimum),
                _ => (ClaimStatus.NothingAboveLockedMinimum, Amount.Zero),
            };
            RewardAccount after = account with { Claimed = account.Claimed + paid, Left = account.Left || status == ClaimStatus.Exited };
            var result = new ClaimResult(claimId, participant, mode, status, paid, after.Balance);
            ledger.Save(after, result);
            return result;
        }
    }
}
