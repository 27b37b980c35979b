using Affiliates.Settlement;

namespace Affiliates.Cli.Demo;

/// <summary>Everything one run of the demo program produced.</summary>
/// <param name="Partners">Partners (codes) created, each signed by its wallet.</param>
/// <param name="Clicks">Referral-link clicks recorded.</param>
/// <param name="Conversions">Users bound to a partner through a click.</param>
/// <param name="Weeks">The settled weeks, in order.</param>
internal sealed record DemoRun(int Partners, int Clicks, int Conversions, IReadOnlyList<DemoWeek> Weeks)
{
    /// <summary>Gets every statement of every week, in week then partner order.</summary>
    public IEnumerable<EpochStatement> Statements => Weeks.SelectMany(static w => w.Settlement.Statements);

    /// <summary>Gets each week's Merkle root, in order.</summary>
    public IReadOnlyList<string> Roots => [.. Weeks.Select(static w => w.Settlement.MerkleRoot)];

    /// <summary>Gets payments minus refunds over the whole run.</summary>
    public Amount NetBilled => Weeks.Aggregate(Amount.Zero, static (sum, w) => sum + w.Billed - w.Refunded);

    /// <summary>Gets what the protocol kept of the revenue, dust swept included.</summary>
    public Amount Protocol => Statements.Aggregate(Amount.Zero, static (sum, s) => sum + s.Protocol + s.DustSwept);

    /// <summary>Gets what all payouts pay.</summary>
    public Amount Paid => Weeks.Aggregate(Amount.Zero, static (sum, w) => sum + w.Paid);

    /// <summary>Gets the balances partners carry after the last week: each partner's latest carry-out.</summary>
    public Amount Carried => Statements
        .GroupBy(static s => s.Partner, StringComparer.Ordinal)
        .Aggregate(Amount.Zero, static (sum, g) => sum + g.MaxBy(static s => s.EpochStart)!.CarryOut);

    /// <summary>Gets whether billed = protocol + paid + carried holds to the base unit.</summary>
    public bool Conserves => NetBilled == Protocol + Paid + Carried;

    /// <summary>Gets every change of tier, in week order: the partner, the week it took effect, and the tiers.</summary>
    public IReadOnlyList<TierChange> TierChanges
    {
        get
        {
            var changes = new List<TierChange>();
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (EpochStatement statement in Statements)
            {
                if (last.TryGetValue(statement.Partner, out string? before) && before != statement.Tier && statement.Tier.Length > 0)
                {
                    changes.Add(new TierChange(statement.Partner, statement.EpochId, before, statement.Tier, statement.LifetimeRevenue));
                }

                last[statement.Partner] = statement.Tier;
            }

            return changes;
        }
    }

    /// <summary>Gets the statement that shows the most at once: a refund line, a carried-in balance, a payout or a carried balance.</summary>
    public EpochStatement Showcase => Statements
        .OrderByDescending(static s => (s.Lines.Any(static l => l.Revenue.IsNegative) ? 4 : 0) + (s.CarryIn.IsZero ? 0 : 2) + (s.Payable.IsZero ? 0 : 1) + (s.Lines.Count > 1 ? 1 : 0))
        .ThenBy(static s => s.EpochStart)
        .ThenBy(static s => s.Partner, StringComparer.Ordinal)
        .First();
}
