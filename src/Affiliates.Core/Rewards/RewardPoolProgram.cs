using Affiliates.Pools;

namespace Affiliates.Rewards;

/// <summary>
/// A pro-rata reward pool (the CoW affiliate program): each epoch, referred trades are scored, the pool is sized from the
/// eligible score, distributed pro rata with a per-participant cap, and credited to the participants' reward accounts.
/// </summary>
/// <remarks>
/// <para>
/// Epochs are settled in order from index 0. Terms changed with <see cref="ChangeTerms"/> apply from the epoch after
/// the one in progress. Participants who left the program (see <see cref="ClaimMode.Exit"/>) are reported but neither
/// counted in the eligible score nor rewarded.
/// </para>
/// <para>
/// The pool is distributed by <see cref="PoolDistributor"/>: what the cap keeps from anyone goes to the others, and what
/// nobody can take is returned to the owner as an explicit <see cref="PoolReturn"/> line, so rewards plus the return
/// equal the pool; a reward refused because its participant left during settlement is returned to the owner too.
/// With a fixed allocation, each epoch's pool is the computed pool but never more than what is left.
/// Not safe for concurrent settlement; a host settles one epoch at a time.
/// </para>
/// </remarks>
public sealed class RewardPoolProgram
{
    private ScoringState state = ScoringState.Empty;

    /// <summary>Initializes a new instance of the <see cref="RewardPoolProgram"/> class.</summary>
    /// <param name="owner">Who funds the pool and takes back what nobody can take.</param>
    /// <param name="rewardAsset">The asset rewards are paid in.</param>
    /// <param name="terms">The terms by epoch.</param>
    /// <param name="accounts">The participants' reward accounts.</param>
    /// <param name="allocation">A fixed total spent until exhausted, or null for a pool sized every epoch without limit.</param>
    /// <exception cref="ArgumentOutOfRangeException">The allocation is negative.</exception>
    public RewardPoolProgram(string owner, Asset rewardAsset, EpochSchedule<RewardPoolTerms> terms, RewardAccounts accounts, Amount? allocation = null)
    {
        Owner = Preconditions.NotNull(owner);
        RewardAsset = Preconditions.NotNull(rewardAsset);
        Terms = Preconditions.NotNull(terms);
        Accounts = Preconditions.NotNull(accounts);
        if (allocation is Amount total)
        {
            Preconditions.NotNegative(total.Units, nameof(allocation));
        }

        RemainingAllocation = allocation;
    }

    /// <summary>Gets who funds the pool and takes back what nobody can take.</summary>
    public string Owner { get; }

    /// <summary>Gets the asset rewards are paid in.</summary>
    public Asset RewardAsset { get; }

    /// <summary>Gets the terms by epoch.</summary>
    public EpochSchedule<RewardPoolTerms> Terms { get; private set; }

    /// <summary>Gets the participants' reward accounts.</summary>
    public RewardAccounts Accounts { get; }

    /// <summary>Gets what is left of the fixed allocation, or null when the program has none.</summary>
    public Amount? RemainingAllocation { get; private set; }

    /// <summary>Gets the index of the epoch in progress: the next one <see cref="SettleEpoch"/> settles.</summary>
    public int CurrentEpoch { get; private set; }

    /// <summary>Changes the terms from the epoch after <see cref="CurrentEpoch"/> on.</summary>
    /// <param name="terms">The new terms.</param>
    /// <exception cref="ArgumentOutOfRangeException">A change was already made for that epoch.</exception>
    public void ChangeTerms(RewardPoolTerms terms) => Terms = Terms.From(CurrentEpoch + 1, terms);

    /// <summary>Settles <see cref="CurrentEpoch"/>: scores its trades, sizes and distributes the pool, credits the rewards.</summary>
    /// <param name="trades">The epoch's referred trades, in any order, all after those of earlier epochs.</param>
    /// <param name="excluded">Addresses excluded this epoch (for example for wash trading) with the reason for each, or null.</param>
    /// <exception cref="ArgumentException">The trades are invalid (see <see cref="AffiliateScoring.Score"/>).</exception>
    public PoolEpochResult SettleEpoch(IEnumerable<ReferredTrade> trades, IReadOnlyDictionary<string, string>? excluded = null)
    {
        int epoch = CurrentEpoch;
        RewardPoolTerms terms = Terms.For(epoch);
        ScoringResult scoring = AffiliateScoring.Score(trades, terms.Tokens, terms.Scoring, excluded, state);

        IReadOnlyList<AffiliateScore> affiliates = scoring.Affiliates;
        bool[] left = [.. affiliates.Select(a => Accounts.HasLeft(a.Affiliate))];
        Int128[] scores = [.. affiliates.Select((a, i) => left[i] ? 0 : a.Score.Units)];
        Amount eligible = Amount.FromUnits(scores.Aggregate(Int128.Zero, (sum, s) => sum + s));

        Amount pool = terms.Sizing.PoolFor(epoch, eligible.Units);
        PoolDraw? draw = null;
        if (RemainingAllocation is Amount remaining)
        {
            PoolDraw taken = PoolSizing.DrawFromAllocation(pool, remaining);
            pool = taken.Pool;
            RemainingAllocation = taken.Remaining;
            draw = taken;
        }

        PoolDistribution distribution = PoolDistributor.Distribute(pool, scores, terms.ParticipantCap);
        var participants = new ParticipantReward[affiliates.Count];
        Amount returned = distribution.Unallocated;
        for (int i = 0; i < participants.Length; i++)
        {
            PoolShare share = distribution.Shares[i];
            Amount proRata = eligible.IsZero ? Amount.Zero : Amount.FromUnits(WideMath.MulDiv(pool.Units, scores[i], eligible.Units, out _));
            bool credited = share.Reward.IsZero || Accounts.TryCredit(affiliates[i].Affiliate, share.Reward);
            if (!credited)
            {
                returned += share.Reward;
            }

            participants[i] = new ParticipantReward(
                affiliates[i].Affiliate, affiliates[i].Score, proRata, credited ? share.Reward : Amount.Zero, share.Capped, left[i] || !credited);
        }

        state = scoring.State;
        CurrentEpoch = epoch + 1;
        return new PoolEpochResult(
            epoch, RewardAsset, pool, draw, eligible, distribution.Totals, participants, new PoolReturn(Owner, returned), scoring);
    }
}
