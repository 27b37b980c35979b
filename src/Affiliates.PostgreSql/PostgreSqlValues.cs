using System.Numerics;
using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.PostgreSql;

/// <summary>Exact conversions between core values and their column types.</summary>
/// <remarks>
/// Amounts travel as <see cref="BigInteger"/> (Npgsql's exact NUMERIC mapping; <see cref="decimal"/> cannot hold
/// every Int128). Instants are Unix ticks, which cover NodaTime's whole range; durations are nanoseconds.
/// </remarks>
internal static class PostgreSqlValues
{
    public static BigInteger Numeric(Amount amount) => amount.Units;

    public static Amount Amount(BigInteger value) => Affiliates.Amount.FromUnits((Int128)value);

    /// <summary>One bit per kind, for <c>((1 &lt;&lt; kind) &amp; mask) &lt;&gt; 0</c>.</summary>
    public static int KindMask(IReadOnlyCollection<LedgerEntryKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Aggregate(0, (mask, kind) => mask | (1 << (int)kind));
    }

    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    public static long? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    public static Instant Instant(long ticks) => NodaTime.Instant.FromUnixTimeTicks(ticks);

    public static long Nanoseconds(Duration duration) => duration.ToInt64Nanoseconds();

    public static Duration Duration(long nanoseconds) => NodaTime.Duration.FromNanoseconds(nanoseconds);

    public static Rate Rate(int partsPerMillion) => Affiliates.Rate.FromPartsPerMillion(partsPerMillion);
}
