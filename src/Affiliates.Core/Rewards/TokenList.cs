namespace Affiliates.Rewards;

/// <summary>The tokens a reward program counts, and which of them are stablecoins.</summary>
/// <remarks>Tokens are compared ordinally; use one spelling (for example lower-case contract addresses) throughout.</remarks>
public sealed class TokenList
{
    private readonly HashSet<string> listed;
    private readonly HashSet<string> stables;

    /// <summary>Initializes a new instance of the <see cref="TokenList"/> class.</summary>
    /// <param name="listed">The listed tokens.</param>
    /// <param name="stables">The listed tokens that are stablecoins.</param>
    /// <exception cref="ArgumentException">A stablecoin is not among the listed tokens.</exception>
    public TokenList(IEnumerable<string> listed, IEnumerable<string> stables)
    {
        this.listed = new HashSet<string>(Preconditions.NotNull(listed), StringComparer.Ordinal);
        this.stables = new HashSet<string>(Preconditions.NotNull(stables), StringComparer.Ordinal);
        foreach (string stable in this.stables)
        {
            if (!this.listed.Contains(stable))
            {
                throw new ArgumentException($"Stablecoin '{stable}' is not a listed token.", nameof(stables));
            }
        }
    }

    /// <summary>Gets the listed tokens.</summary>
    public IReadOnlySet<string> Listed => listed;

    /// <summary>Gets the listed stablecoins.</summary>
    public IReadOnlySet<string> Stables => stables;

    /// <summary>Returns whether both tokens of a trade are listed.</summary>
    /// <param name="sell">The token sold.</param>
    /// <param name="buy">The token bought.</param>
    public bool BothListed(string sell, string buy) => listed.Contains(sell) && listed.Contains(buy);

    /// <summary>Returns whether both tokens of a trade are stablecoins.</summary>
    /// <param name="sell">The token sold.</param>
    /// <param name="buy">The token bought.</param>
    public bool BothStable(string sell, string buy) => stables.Contains(sell) && stables.Contains(buy);
}
