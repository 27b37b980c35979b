using System.Diagnostics.Metrics;

namespace Affiliates.AspNetCore;

/// <summary>The web package's instruments, on the library's one meter name ("Affiliates").</summary>
internal static class WebTelemetry
{
    /// <summary>Tag naming what became of a click; the core's tag name, so dashboards group both alike.</summary>
    public const string OutcomeTag = "affiliates.outcome";

    /// <summary>Tag naming the registry of a click.</summary>
    public const string RegistryTag = "affiliates.registry";

    public static readonly Meter Meter = new("Affiliates");

    public static readonly Counter<long> Clicks = Meter.CreateCounter<long>(
        "affiliates.web.clicks", description: "Referral-link visits, by outcome: a ClickOutcome, or Bot, Malformed, TimedOut, Failed, Aborted.");

    public static void CountClick(string registryId, string outcome) =>
        Clicks.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome), new KeyValuePair<string, object?>(RegistryTag, registryId));
}
