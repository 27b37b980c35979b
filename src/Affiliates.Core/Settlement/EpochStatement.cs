using NodaTime;

namespace Affiliates.Settlement;

/// <summary>What one payee earned in one epoch of one registry, and what is paid, carried over or swept.</summary>
/// <remarks>
/// Balances: <c>CarryIn + Earned = Payable + CarryOut + DustSwept</c>, and the carry-in is the carry-out of the payee's
/// previous statement. <see cref="Hash"/> is the SHA-256 of the statement's canonical encoding (see
/// <see cref="StatementHasher"/>), asset included, lines in (time, event id, sequence, kind) order.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="EpochId">The epoch's id (unique within the registry).</param>
/// <param name="EpochStart">The epoch's inclusive start.</param>
/// <param name="EpochEnd">The epoch's exclusive end.</param>
/// <param name="Kind">Whether the payee is a partner or a user.</param>
/// <param name="Payee">The partner (the owner of the codes) or the user.</param>
/// <param name="Asset">The asset every amount of the statement is in.</param>
/// <param name="Tier">The partner's tier in this epoch (empty for users, for programs without tiers, or when none applies).</param>
/// <param name="TierMetric">The tier metric the tier was read at (lifetime revenue or referrals; the highest reached when tiers never go down).</param>
/// <param name="LifetimeRevenue">The partner's attributed revenue up to the end of this epoch.</param>
/// <param name="CarryIn">Unpaid balance carried in from the previous statement.</param>
/// <param name="Earned">What the lines earned in this epoch (commissions and affiliate fees, or kickbacks).</param>
/// <param name="Payable">What is paid out for this epoch (zero below the minimum payout).</param>
/// <param name="CarryOut">What is carried to the next epoch: carry-in + earned − payable − dust swept.</param>
/// <param name="Lines">The statement lines.</param>
/// <param name="Hash">The statement's content hash, so a payee can verify it.</param>
/// <param name="Referrals">New referrals in this epoch (the tier metric of referral ladders).</param>
/// <param name="DustSwept">A balance below the minimum swept to the protocol under the dust rule; zero or positive.</param>
/// <param name="IdleEpochs">Consecutive epochs without lines while a balance below the minimum was carried, for the dust rule.</param>
public sealed record EpochStatement(
    string RegistryId,
    string EpochId,
    Instant EpochStart,
    Instant EpochEnd,
    PayeeKind Kind,
    string Payee,
    Asset Asset,
    string Tier,
    Int128 TierMetric,
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
    /// <summary>Gets who the statement is for.</summary>
    public PayeeKey Key => new(Kind, Payee);

    /// <summary>Gets the revenue of the epoch's commission lines.</summary>
    public Amount Revenue => Sum(StatementLineKind.Commission, static line => line.Revenue);

    /// <summary>Gets the commissions earned on the epoch's lines.</summary>
    public Amount Commission => Sum(StatementLineKind.Commission, static line => line.Amount);

    /// <summary>Gets the affiliate fees earned on the epoch's lines.</summary>
    public Amount AffiliateFees => Sum(StatementLineKind.AffiliateFee, static line => line.Amount);

    /// <summary>Gets the kickbacks earned on the epoch's lines.</summary>
    public Amount Kickbacks => Sum(StatementLineKind.Kickback, static line => line.Amount);

    private Amount Sum(StatementLineKind kind, Func<StatementLine, Amount> selector)
    {
        Amount total = Amount.Zero;
        foreach (StatementLine line in Lines)
        {
            if (line.Kind == kind)
            {
                total += selector(line);
            }
        }

        return total;
    }
}
