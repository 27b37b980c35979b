using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    public async ValueTask<IReadOnlyList<CodeTotals>> GetTotalsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default)
    {
        var totals = new Dictionary<(string Code, int Generation), (Amount Revenue, Amount Partner, Amount User, HashSet<string> Events)>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(registryId, start, end, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Code is null)
            {
                continue;
            }

            var key = (entry.Code, entry.CodeGeneration);
            (Amount revenue, Amount partner, Amount user, HashSet<string> events) = totals.TryGetValue(key, out var sums)
                ? sums
                : (Amount.Zero, Amount.Zero, Amount.Zero, new HashSet<string>(StringComparer.Ordinal));
            events.Add(entry.EventId);
            totals[key] = entry.Kind switch
            {
                LedgerEntryKind.AffiliateFee => (revenue, partner + entry.Amount, user, events),
                LedgerEntryKind.Partner => (revenue + entry.Amount, partner + entry.Amount, user, events),
                LedgerEntryKind.User => (revenue + entry.Amount, partner, user + entry.Amount, events),
                _ => (revenue + entry.Amount, partner, user, events),
            };
        }

        return [.. totals
            .Select(pair => new CodeTotals(pair.Key.Code, pair.Key.Generation, pair.Value.Revenue, pair.Value.Partner, pair.Value.User, pair.Value.Events.Count))
            .OrderByDescending(t => t.PartnerEarnings)
            .ThenByDescending(t => t.Revenue)
            .ThenBy(t => t.Code, StringComparer.Ordinal)
            .ThenBy(t => t.Generation)];
    }
}
