using NodaTime;

namespace Affiliates.Settlement;

/// <summary>What one partner earned in one epoch of one registry, and what is paid, carried over or swept.</summary>
/// <remarks>
/// Balances: <c>CarryIn + Earned = Payable + CarryOut + DustSwept</c>. <see cref="Hash"/> is the SHA-256 of the
/// statement's canonical encoding (see <see cref="StatementHasher"/>), lines in (time, event id, sequence) order.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="EpochId">The epoch's id (unique within the registry).</param>
/// <param name="EpochStart">The epoch's inclusive start.</param>
/// <param name="EpochEnd">The epoch's exclusive end.</param>
/// <param name="Partner">The partner (the address the commission belongs to).</param>
/// <param name="Tier">The tier the partner was in for this epoch (empty when the program has no tiers or none applies).</param>
/// <param name="LifetimeRevenue">The partner's attributed revenue up to the end of this epoch, for sticky tiers.</param>
/// <param name="CarryIn">Unpaid commission carried in from the previous statement.</param>
/// <param name="Earned">Commission earned in this epoch (the sum of the lines' commissions).</param>
/// <param name="Payable">What is paid out for this epoch (zero below the minimum payout).</param>
/// <param name="CarryOut">What is carried to the next epoch: carry-in + earned − payable − dust swept.</param>
/// <param name="Lines">The statement lines.</param>
/// <param name="Hash">The statement's content hash, so a partner can verify it.</param>
/// <param name="Referrals">New referrals in this epoch (the tier metric of referral ladders).</param>
/// <param name="DustSwept">A balance below the minimum swept to the protocol under the dust rule; zero or positive.</param>
/// <param name="IdleEpochs">Consecutive epochs without lines while a balance below the minimum was carried, for the dust rule.</param>
public sealed record EpochStatement(
    string RegistryId,
    string EpochId,
    Instant EpochStart,
    Instant EpochEnd,
    string Partner,
    string Tier,
    Amount LifetimeRevenue,
    Amount CarryIn,
    Amount Earned,
    Amount Payable,
    Amount CarryOut,
    IReadOnlyList<StatementLine> Lines,
    string Hash,
    int Referrals = 0,
    Amount DustSwept = default,
    int IdleEpochs = 0)
{
    /// <summary>Gets the revenue of the epoch's lines.</summary>
    public Amount Revenue => Sum(static line => line.Revenue);

    /// <summary>Gets what the protocol keeps of the epoch's lines.</summary>
    public Amount Protocol => Sum(static line => line.Protocol);

    private Amount Sum(Func<StatementLine, Amount> selector)
    {
        Amount total = Amount.Zero;
        foreach (StatementLine line in Lines)
        {
            total += selector(line);
        }

        return total;
    }
}
