using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>A clock that always reads the same instant, so benchmark runs see the same terms and windows.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; } = now;

    public Instant GetCurrentInstant() => Now;
}
