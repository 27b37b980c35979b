using Affiliates.Tiers;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>Each code generation's revenue per UTC day, summed over any run of days in O(log days) from prefix sums.</summary>
/// <remarks>
/// A fee-share line's multiplier is its terms' ladder evaluated over its code's revenue on the window's whole UTC days
/// before the line's own day: days D − window … D − 1 for a line on day D. Everything booked up to the end of the
/// epoch being settled counts, whatever order it arrived in, so the multiplier of a line never depends on arrival order.
/// </remarks>
internal sealed class TrailingRevenue
{
    private static readonly LocalDate Origin = new(1, 1, 1);

    private readonly IReadOnlyDictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>> daily;
    private readonly Dictionary<(string Code, int Generation), (int[] Days, Int128[] Prefix)> sums = [];

    /// <summary>Initializes a new instance of the <see cref="TrailingRevenue"/> class.</summary>
    /// <param name="daily">Revenue per code generation and UTC day.</param>
    public TrailingRevenue(IReadOnlyDictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>> daily) =>
        this.daily = Preconditions.NotNull(daily);

    /// <summary>Returns the revenue of a code generation over the <paramref name="days"/> whole days before <paramref name="day"/>.</summary>
    public Amount Before(string code, int generation, LocalDate day, int days)
    {
        if (!sums.TryGetValue((code, generation), out (int[] Days, Int128[] Prefix) sum))
        {
            sum = Build(daily.GetValueOrDefault((code, generation)));
            sums[(code, generation)] = sum;
        }

        int end = DayNumber(day);
        return Amount.FromUnits(sum.Prefix[LowerBound(sum.Days, end)] - sum.Prefix[LowerBound(sum.Days, end - days)]);
    }

    /// <summary>Returns the multiplier of <paramref name="line"/> under <paramref name="pricing"/>.</summary>
    public Multiplier MultiplierOf(SettlementLine line, TermsPricing pricing)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(pricing);
        if (pricing.Multipliers is not { } ladder)
        {
            return Multiplier.One;
        }

        Amount revenue = Before(line.Code, line.CodeGeneration, line.OccurredAt.InUtc().Date, pricing.WindowDays);
        return ladder.TryEvaluate(revenue.Units, out LadderStep<Multiplier> step) ? step.Value : Multiplier.One;
    }

    private static (int[] Days, Int128[] Prefix) Build(IReadOnlyDictionary<LocalDate, Amount>? days)
    {
        if (days is null || days.Count == 0)
        {
            return ([], [0]);
        }

        int[] numbers = [.. days.Keys.Select(DayNumber).Order()];
        var prefix = new Int128[numbers.Length + 1];
        var byNumber = days.ToDictionary(pair => DayNumber(pair.Key), pair => pair.Value);
        for (int i = 0; i < numbers.Length; i++)
        {
            prefix[i + 1] = checked(prefix[i] + byNumber[numbers[i]].Units);
        }

        return (numbers, prefix);
    }

    /// <summary>Returns the number of days before <paramref name="value"/> in <paramref name="days"/>.</summary>
    private static int LowerBound(int[] days, int value)
    {
        int low = 0;
        int high = days.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (days[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int DayNumber(LocalDate date) => Period.DaysBetween(Origin, date);
}
