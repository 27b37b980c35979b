using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Affiliates;

/// <summary>The library's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named "Affiliates".</summary>
internal static class AffiliatesTelemetry
{
    public const string Name = "Affiliates";

    /// <summary>Tag naming a result's status or outcome.</summary>
    public const string OutcomeTag = "affiliates.outcome";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("affiliates.events.ingested", description: "Events ingested, by status.");

    public static readonly Counter<long> ChangesApplied = Meter.CreateCounter<long>("affiliates.changes", description: "Signed changes, by outcome.");

    public static readonly Counter<long> EpochsSettled = Meter.CreateCounter<long>("affiliates.epochs.settled", description: "Epoch settlement attempts, by outcome.");
}
