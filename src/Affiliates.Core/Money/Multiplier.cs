namespace Affiliates;

/// <summary>
/// A non-negative scale factor such as ×1.25, held exactly in millionths.
/// </summary>
/// <remarks>Range ×0 to ×1000. <c>default</c> is ×0; use <see cref="One"/> for the identity.</remarks>
public readonly struct Multiplier : IEquatable<Multiplier>, IComparable<Multiplier>
{
    /// <summary>Millionths in ×1.</summary>
    public const long Scale = 1_000_000;

    /// <summary>The largest multiplier, ×1000.</summary>
    public const long MaxMillionths = 1000 * Scale;

    private readonly long millionths;

    private Multiplier(long millionths) => this.millionths = millionths;

    /// <summary>Gets ×1.</summary>
    public static Multiplier One => new(Scale);

    /// <summary>Gets the factor in millionths (×1.5 is 1 500 000).</summary>
    public long Millionths => millionths;

    /// <summary>Creates a multiplier from millionths.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above ×1000.</exception>
    public static Multiplier FromMillionths(long millionths)
    {
        Preconditions.InRange(millionths, 0, MaxMillionths);
        return new Multiplier(millionths);
    }

    /// <summary>Parses a decimal factor such as "1.25" exactly (at most six decimals).</summary>
    /// <exception cref="AmountFormatException">The text is not a non-negative decimal with at most six decimals.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Above ×1000.</exception>
    public static Multiplier Parse(string text)
    {
        Amount parsed = DecimalAmount.Parse(text, 6);
        if (parsed.Units > MaxMillionths)
        {
            Preconditions.ThrowOutOfRange(nameof(text), text, $"must be at most x{MaxMillionths / Scale}");
        }

        return new Multiplier((long)parsed.Units);
    }

    /// <summary>Compares two multipliers.</summary>
    public static bool operator ==(Multiplier left, Multiplier right) => left.millionths == right.millionths;

    /// <summary>Compares two multipliers.</summary>
    public static bool operator !=(Multiplier left, Multiplier right) => left.millionths != right.millionths;

    /// <summary>Compares two multipliers.</summary>
    public static bool operator <(Multiplier left, Multiplier right) => left.millionths < right.millionths;

    /// <summary>Compares two multipliers.</summary>
    public static bool operator >(Multiplier left, Multiplier right) => left.millionths > right.millionths;

    /// <summary>Compares two multipliers.</summary>
    public static bool operator <=(Multiplier left, Multiplier right) => left.millionths <= right.millionths;

    /// <summary>Compares two multipliers.</summary>
    public static bool operator >=(Multiplier left, Multiplier right) => left.millionths >= right.millionths;

    /// <inheritdoc/>
    public bool Equals(Multiplier other) => millionths == other.millionths;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Multiplier other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => millionths.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Multiplier other) => millionths.CompareTo(other.millionths);

    /// <summary>Formats as "x1.25".</summary>
    public override string ToString() => "x" + DecimalAmount.Format(millionths, 6);
}
