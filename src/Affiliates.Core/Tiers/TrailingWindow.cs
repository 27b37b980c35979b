using NodaTime;

namespace Affiliates.Tiers;

/// <summary>
/// An exact rolling sum over the last <see cref="Days"/> UTC days, kept as per-day buckets so that every contribution
/// expires on the exact day it leaves the window.
/// </summary>
/// <remarks>
/// <see cref="Total"/> as of day A sums the days in (A − <see cref="Days"/>, A]: a contribution made on day D counts
/// through day D + Days − 1 and no longer on day D + Days. Not thread-safe.
/// </remarks>
public sealed class TrailingWindow
{
    private readonly Dictionary<LocalDate, Amount> buckets = [];
    private LocalDate? prunedAsOf;

    /// <summary>Initializes a new instance of the <see cref="TrailingWindow"/> class.</summary>
    /// <param name="days">The window length in days, 1 to 3660.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1 to 3660.</exception>
    public TrailingWindow(int days)
    {
        Preconditions.InRange(days, 1, 3660);
        Days = days;
    }

    /// <summary>Gets the window length in days.</summary>
    public int Days { get; }

    /// <summary>Adds a contribution on a UTC day; negative amounts (refunds) subtract.</summary>
    /// <exception cref="OverflowException">The day's bucket overflows.</exception>
    public void Add(LocalDate day, Amount amount)
    {
        Amount updated = buckets.GetValueOrDefault(day) + amount;
        if (updated.IsZero)
        {
            buckets.Remove(day);
        }
        else
        {
            buckets[day] = updated;
        }
    }

    /// <summary>Returns the sum of the contributions made on the days in (<paramref name="asOf"/> − Days, <paramref name="asOf"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before a day the window was pruned as of, so the total is no longer known.</exception>
    public Amount Total(LocalDate asOf)
    {
        if (prunedAsOf is { } pruned && asOf < pruned)
        {
            Preconditions.ThrowOutOfRange(nameof(asOf), asOf, $"must not be before {pruned}, the day the window was pruned as of");
        }

        LocalDate firstDay = asOf.PlusDays(1 - Days);
        Amount total = Amount.Zero;
        foreach ((LocalDate day, Amount amount) in buckets)
        {
            if (day >= firstDay && day <= asOf)
            {
                total += amount;
            }
        }

        return total;
    }

    /// <summary>
    /// Drops the buckets that can no longer count for a total as of <paramref name="asOf"/> or later; totals as of
    /// earlier days are refused afterwards.
    /// </summary>
    public void Prune(LocalDate asOf)
    {
        LocalDate firstDay = asOf.PlusDays(1 - Days);
        foreach (LocalDate day in buckets.Keys.Where(day => day < firstDay).ToList())
        {
            buckets.Remove(day);
        }

        if (prunedAsOf is null || asOf > prunedAsOf)
        {
            prunedAsOf = asOf;
        }
    }
}
