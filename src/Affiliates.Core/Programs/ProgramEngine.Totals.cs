using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    public async ValueTask<IReadOnlyList<CodeTotals>> GetTotalsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default)
    {
        var totals = new Dictionary<(string Code, int Generation), (Amount Revenue, Amount Fees, HashSet<string> Events)>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(registryId, start, end, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Code is null)
            {
                continue;
            }

            var key = (entry.Code, entry.CodeGeneration);
            (Amount revenue, Amount fees, HashSet<string> events) = totals.TryGetValue(key, out var sums)
                ? sums
                : (Amount.Zero, Amount.Zero, new HashSet<string>(StringComparer.Ordinal));
            events.Add(entry.EventId);
            totals[key] = entry.Kind == LedgerEntryKind.AffiliateFee ? (revenue, fees + entry.Amount, events) : (revenue + entry.Amount, fees, events);
        }

        return [.. totals
            .Select(pair => new CodeTotals(pair.Key.Code, pair.Key.Generation, pair.Value.Revenue, pair.Value.Fees, pair.Value.Events.Count))
            .OrderByDescending(t => t.Revenue)
            .ThenByDescending(t => t.AffiliateFees)
            .ThenBy(t => t.Code, StringComparer.Ordinal)
            .ThenBy(t => t.Generation)];
    }
}
