using System.Globalization;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>Epochs of one fixed length counted from an anchor instant.</summary>
internal sealed class FixedLengthEpochCalendar : EpochCalendar
{
    private readonly Instant anchor;
    private readonly long lengthNanoseconds;
    private readonly string prefix;

    public FixedLengthEpochCalendar(Instant anchor, Duration length, string prefix)
    {
        if (length <= Duration.Zero)
        {
            Preconditions.ThrowOutOfRange(nameof(length), length, "must be positive");
        }

        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new ArgumentException("The epoch id prefix must not be empty.", nameof(prefix));
        }

        this.anchor = anchor;
        lengthNanoseconds = length.ToInt64Nanoseconds();
        this.prefix = prefix;
    }

    public override Epoch EpochContaining(Instant instant)
    {
        if (instant < anchor)
        {
            Preconditions.ThrowOutOfRange(nameof(instant), instant, $"must not be before the calendar's anchor {anchor}");
        }

        long index = (instant - anchor).ToInt64Nanoseconds() / lengthNanoseconds;
        Instant start = anchor + Duration.FromNanoseconds(index * lengthNanoseconds);
        return new Epoch(
            prefix + "-" + index.ToString(CultureInfo.InvariantCulture),
            new Interval(start, start + Duration.FromNanoseconds(lengthNanoseconds)));
    }
}
