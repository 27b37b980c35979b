using NodaTime;

namespace Affiliates.Tests.Programs;

internal sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;
}
