using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Sqlite;

/// <summary>How core values become column values and back: amounts as decimal text, instants as Unix nanoseconds.</summary>
internal static class SqliteValues
{
    private static readonly Duration MinDuration = Duration.FromNanoseconds(long.MinValue);
    private static readonly Duration MaxDuration = Duration.FromNanoseconds(long.MaxValue);

    public static string ToText(Amount amount) => amount.Units.ToString(CultureInfo.InvariantCulture);

    public static Amount ToAmount(string text) =>
        Amount.FromUnits(Int128.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    /// <exception cref="OverflowException">The instant lies outside 1677–2262, which nanoseconds in a long cannot hold.</exception>
    public static long ToNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>Converts a range bound, clamping instants beyond the storable years so that they still bound every row.</summary>
    public static long ToBound(Instant instant)
    {
        Duration sinceEpoch = instant - NodaConstants.UnixEpoch;
        return sinceEpoch <= MinDuration ? long.MinValue
            : sinceEpoch >= MaxDuration ? long.MaxValue
            : sinceEpoch.ToInt64Nanoseconds();
    }

    /// <summary>One bit per kind, for <c>((1 &lt;&lt; kind) &amp; mask) != 0</c>.</summary>
    public static long KindMask(IReadOnlyCollection<LedgerEntryKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Aggregate(0L, (mask, kind) => mask | (1L << (int)kind));
    }

    public static Instant ToInstant(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    public static long ToNanoseconds(Duration duration) => duration.ToInt64Nanoseconds();

    public static Duration ToDuration(long nanoseconds) => Duration.FromNanoseconds(nanoseconds);

    public static Rate ToRate(long partsPerMillion) => Rate.FromPartsPerMillion(checked((int)partsPerMillion));

    /// <summary>Writes a list as a JSON array, each item written by <paramref name="write"/>.</summary>
    public static string ToJson<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (T item in items)
            {
                write(writer, item);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a JSON array written by <see cref="ToJson{T}"/>.</summary>
    public static T[] FromJson<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(read)];
    }

    public static string StringsToJson(IReadOnlyList<string> items) => ToJson(items, (writer, item) => writer.WriteStringValue(item));

    public static string[] StringsFromJson(string json) => FromJson(json, element => element.GetString()!);
}
