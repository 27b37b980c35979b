namespace Affiliates.Settlement;

/// <summary>Ranks partners of a registry by their statements (users' kickback statements are not ranked).</summary>
public static class Leaderboard
{
    /// <summary>
    /// Ranks the partners of <paramref name="statements"/> (one epoch's, or several epochs' to rank over a period) by
    /// the total of <paramref name="metric"/>, highest first; equal totals are ordered by partner id (ordinal), so the
    /// result never depends on input order.
    /// </summary>
    /// <param name="statements">Statements of one registry.</param>
    /// <param name="metric">What to rank by.</param>
    /// <param name="top">How many rows to return at most.</param>
    /// <exception cref="ArgumentException">The statements belong to more than one registry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative.</exception>
    public static IReadOnlyList<LeaderboardEntry> Rank(IEnumerable<EpochStatement> statements, LeaderboardMetric metric, int top)
    {
        ArgumentNullException.ThrowIfNull(statements);
        Preconditions.InRange(top, 0, int.MaxValue);
        if (!Enum.IsDefined(metric))
        {
            Preconditions.ThrowOutOfRange(nameof(metric), metric, "must be a defined metric");
        }

        var totals = new Dictionary<string, Int128>(StringComparer.Ordinal);
        string? registry = null;
        foreach (EpochStatement statement in statements)
        {
            registry ??= statement.RegistryId;
            if (!string.Equals(registry, statement.RegistryId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Statements of registries '{registry}' and '{statement.RegistryId}' cannot share a leaderboard.", nameof(statements));
            }

            if (statement.Kind == PayeeKind.Partner)
            {
                totals[statement.Payee] = checked(totals.GetValueOrDefault(statement.Payee) + ValueOf(statement, metric));
            }
        }

        return totals
            .OrderByDescending(static t => t.Value)
            .ThenBy(static t => t.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(static (t, i) => new LeaderboardEntry(i + 1, t.Key, t.Value))
            .ToArray();
    }

    private static Int128 ValueOf(EpochStatement statement, LeaderboardMetric metric) => metric switch
    {
        LeaderboardMetric.Earnings => statement.Earned.Units,
        LeaderboardMetric.Revenue => statement.Revenue.Units,
        _ => statement.Referrals,
    };
}
