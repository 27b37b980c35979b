namespace Affiliates.Settlement;

/// <summary>The result of settling one epoch of one registry: per-partner statements, payout intents and a Merkle root.</summary>
/// <remarks>
/// Conservation: <see cref="Revenue"/> = <see cref="Protocol"/> + <see cref="Commissions"/>, and for every statement
/// carry-in + earned = payable + carry-out + dust swept. Statements are ordered by partner (ordinal), payouts likewise.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Statements">One statement per partner with activity, a balance or a closing, ordered by partner.</param>
/// <param name="Payouts">One pending payout intent per positive payable amount, ordered by partner.</param>
/// <param name="MerkleRoot">The <see cref="MerkleTree"/> root over the statements' hashes in statement order.</param>
public sealed record EpochSettlement(
    string RegistryId,
    Epoch Epoch,
    IReadOnlyList<EpochStatement> Statements,
    IReadOnlyList<PayoutIntent> Payouts,
    string MerkleRoot)
{
    /// <summary>Gets the revenue of all lines.</summary>
    public Amount Revenue => Sum(static s => s.Revenue);

    /// <summary>Gets what the protocol keeps of all lines (dust swept not included).</summary>
    public Amount Protocol => Sum(static s => s.Protocol);

    /// <summary>Gets the commissions earned by all partners.</summary>
    public Amount Commissions => Sum(static s => s.Earned);

    /// <summary>Gets the balances swept to the protocol under the dust rule.</summary>
    public Amount DustSwept => Sum(static s => s.DustSwept);

    /// <summary>Gets the total to pay out.</summary>
    public Amount Payable => Sum(static s => s.Payable);

    /// <summary>Returns the statement of <paramref name="partner"/>, or null when the partner has none this epoch.</summary>
    public EpochStatement? StatementOf(string partner)
    {
        int index = IndexOf(partner);
        return index < 0 ? null : Statements[index];
    }

    /// <summary>Returns the proof that <paramref name="partner"/>'s statement is included under <see cref="MerkleRoot"/>.</summary>
    /// <exception cref="KeyNotFoundException">The partner has no statement this epoch.</exception>
    public MerkleProof ProveInclusion(string partner)
    {
        int index = IndexOf(partner);
        if (index < 0)
        {
            throw new KeyNotFoundException($"Partner '{partner}' has no statement in epoch {Epoch.Id}.");
        }

        return MerkleTree.Prove(Statements.Select(s => s.Hash).ToArray(), index);
    }

    private int IndexOf(string partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        int low = 0;
        int high = Statements.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = string.CompareOrdinal(Statements[middle].Partner, partner);
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
