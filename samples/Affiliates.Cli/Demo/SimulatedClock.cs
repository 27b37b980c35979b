using NodaTime;

namespace Affiliates.Cli;

/// <summary>The demo replays thirteen weeks in seconds, so it owns the clock the library reads.</summary>
internal sealed class SimulatedClock(Instant start) : IClock
{
    public Instant Now { get; set; } = start;

    public Instant GetCurrentInstant() => Now;
}
