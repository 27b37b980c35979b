using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Affiliates.AspNetCore.Tests;

/// <summary>Counts <c>affiliates.web.clicks</c> by outcome for one registry, so parallel tests on other registries do not interfere.</summary>
internal sealed class ClickCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public ClickCounter(string registryId)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Affiliates" && instrument.Name == "affiliates.web.clicks")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? outcome = null;
            string? registry = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "affiliates.outcome")
                {
                    outcome = tag.Value as string;
                }
                else if (tag.Key == "affiliates.registry")
                {
                    registry = tag.Value as string;
                }
            }

            if (registry == registryId && outcome is not null)
            {
                counts.AddOrUpdate(outcome, value, (_, sum) => sum + value);
            }
        });
        listener.Start();
    }

    public long this[string outcome] => counts.GetValueOrDefault(outcome);

    public void Dispose() => listener.Dispose();
}
