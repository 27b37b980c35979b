using System.Globalization;

namespace Affiliates.Settlement;

/// <summary>Compares two settlements of the same epoch (for example a stored one and a recomputation) statement by statement.</summary>
public static class StatementDiff
{
    /// <summary>Lists every difference, ordered by payee ("partner:…", "user:…", ordinal), then field, then line key; empty when both agree.</summary>
    public static IReadOnlyList<StatementDifference> Compare(IEnumerable<EpochStatement> expected, IEnumerable<EpochStatement> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Dictionary<string, EpochStatement> left = expected.ToDictionary(s => s.Key.ToString(), StringComparer.Ordinal);
        Dictionary<string, EpochStatement> right = actual.ToDictionary(s => s.Key.ToString(), StringComparer.Ordinal);
        var differences = new List<StatementDifference>();
        foreach (string partner in left.Keys.Union(right.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            EpochStatement? a = left.GetValueOrDefault(partner);
            EpochStatement? b = right.GetValueOrDefault(partner);
            if (a is null || b is null)
            {
                differences.Add(new StatementDifference(partner, "statement", a?.Hash, b?.Hash));
                continue;
            }

            foreach ((string field, Func<EpochStatement, object> value) in Fields)
            {
                string x = Text(value(a));
                string y = Text(value(b));
                if (x != y)
                {
                    differences.Add(new StatementDifference(partner, field, x, y));
                }
            }

            Dictionary<string, StatementLine> linesA = a.Lines.ToDictionary(Key, StringComparer.Ordinal);
            Dictionary<string, StatementLine> linesB = b.Lines.ToDictionary(Key, StringComparer.Ordinal);
            foreach (string key in linesA.Keys.Union(linesB.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                string? x = linesA.TryGetValue(key, out StatementLine la) ? la.ToString() : null;
                string? y = linesB.TryGetValue(key, out StatementLine lb) ? lb.ToString() : null;
                if (x != y)
                {
                    differences.Add(new StatementDifference(partner, "line " + key, x, y));
                }
            }
        }

        return differences;
    }

    private static readonly (string Field, Func<EpochStatement, object> Value)[] Fields =
    [
        (nameof(EpochStatement.RegistryId), s => s.RegistryId),
        (nameof(EpochStatement.EpochId), s => s.EpochId),
        (nameof(EpochStatement.Asset), s => s.Asset),
        (nameof(EpochStatement.Tier), s => s.Tier),
        (nameof(EpochStatement.TierMetric), s => s.TierMetric),
        (nameof(EpochStatement.LifetimeRevenue), s => s.LifetimeRevenue),
        (nameof(EpochStatement.CarryIn), s => s.CarryIn),
        (nameof(EpochStatement.Earned), s => s.Earned),
        (nameof(EpochStatement.Payable), s => s.Payable),
        (nameof(EpochStatement.CarryOut), s => s.CarryOut),
        (nameof(EpochStatement.Referrals), s => s.Referrals),
        (nameof(EpochStatement.DustSwept), s => s.DustSwept),
        (nameof(EpochStatement.IdleEpochs), s => s.IdleEpochs),
        (nameof(EpochStatement.Hash), s => s.Hash),
    ];

    private static string Key(StatementLine line) => $"{line.EventId}#{line.Sequence.ToString(CultureInfo.InvariantCulture)}/{line.Kind}";

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
