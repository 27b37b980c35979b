namespace Affiliates.Settlement;

/// <summary>The result of settling one epoch of one registry: per-payee statements, payout intents and a Merkle root.</summary>
/// <remarks>
/// Conservation: <see cref="Revenue"/> = <see cref="Protocol"/> + <see cref="Commissions"/> + <see cref="Kickbacks"/>
/// (affiliate fees are charged on top, outside the revenue), and for every statement carry-in + earned = payable +
/// carry-out + dust swept. Statements are ordered by payee (partners, then users, each by address), payouts likewise.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Statements">One statement per payee with activity, a balance or a closing, ordered by payee.</param>
/// <param name="Payouts">Pending payout intents for every positive payable amount, ordered by payee then address.</param>
/// <param name="MerkleRoot">The <see cref="MerkleTree"/> root over the statements' hashes in statement order.</param>
public sealed record EpochSettlement(
    string RegistryId,
    Epoch Epoch,
    IReadOnlyList<EpochStatement> Statements,
    IReadOnlyList<PayoutIntent> Payouts,
    string MerkleRoot)
{
    /// <summary>Gets the attributed revenue of the epoch's lines, refunds netted.</summary>
    public Amount Revenue => Sum(static s => s.Revenue);

    /// <summary>Gets what the protocol keeps of that revenue (dust swept not included).</summary>
    public Amount Protocol => Revenue - Commissions - Kickbacks;

    /// <summary>Gets the commissions earned by all partners.</summary>
    public Amount Commissions => Sum(static s => s.Commission);

    /// <summary>Gets the kickbacks earned by all users.</summary>
    public Amount Kickbacks => Sum(static s => s.Kickbacks);

    /// <summary>Gets the affiliate fees earned by all partners (charged on top by the host).</summary>
    public Amount AffiliateFees => Sum(static s => s.AffiliateFees);

    /// <summary>Gets the balances swept to the protocol under the dust rule.</summary>
    public Amount DustSwept => Sum(static s => s.DustSwept);

    /// <summary>Gets the total to pay out.</summary>
    public Amount Payable => Sum(static s => s.Payable);

    /// <summary>Returns the statement of partner <paramref name="partner"/>, or null when it has none this epoch.</summary>
    public EpochStatement? StatementOf(string partner) => StatementOf(PayeeKey.Partner(partner));

    /// <summary>Returns the statement of <paramref name="payee"/>, or null when it has none this epoch.</summary>
    public EpochStatement? StatementOf(PayeeKey payee)
    {
        int index = IndexOf(payee);
        return index < 0 ? null : Statements[index];
    }

    /// <summary>Returns the proof that <paramref name="payee"/>'s statement is included under <see cref="MerkleRoot"/>.</summary>
    /// <exception cref="KeyNotFoundException">The payee has no statement this epoch.</exception>
    public MerkleProof ProveInclusion(PayeeKey payee)
    {
        int index = IndexOf(payee);
        if (index < 0)
        {
            throw new KeyNotFoundException($"{payee} has no statement in epoch {Epoch.Id}.");
        }

        return MerkleTree.Prove(Statements.Select(s => s.Hash).ToArray(), index);
    }

    /// <summary>Returns the proof that partner <paramref name="partner"/>'s statement is included under <see cref="MerkleRoot"/>.</summary>
    /// <exception cref="KeyNotFoundException">The partner has no statement this epoch.</exception>
    public MerkleProof ProveInclusion(string partner) => ProveInclusion(PayeeKey.Partner(partner));

    private int IndexOf(PayeeKey payee)
    {
        ArgumentNullException.ThrowIfNull(payee.Payee);
        int low = 0;
        int high = Statements.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = Statements[middle].Key.CompareTo(payee);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private Amount Sum(Func<EpochStatement, Amount> selector)
    {
        Amount total = Amount.Zero;
        foreach (EpochStatement statement in Statements)
        {
            total += selector(statement);
        }

        return total;
    }
}
