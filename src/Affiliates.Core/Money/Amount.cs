using System.Globalization;

namespace Affiliates;

/// <summary>
/// An exact quantity of some asset, in the asset's base units (lamports, micro-USDC, wei).
/// </summary>
/// <remarks>
/// Backed by a signed 128-bit integer, so wei amounts far beyond 64 bits fit; every operator is checked and throws
/// <see cref="OverflowException"/> rather than wrapping. Negative amounts exist for clawbacks and are never produced by
/// parsing. <see cref="Zero"/> equals <c>default</c>.
/// </remarks>
public readonly struct Amount : IEquatable<Amount>, IComparable<Amount>, IComparable
{
    private readonly Int128 units;

    private Amount(Int128 units) => this.units = units;

    /// <summary>Gets the zero amount.</summary>
    public static Amount Zero => default;

    /// <summary>Gets the largest representable amount.</summary>
    public static Amount MaxValue => new(Int128.MaxValue);

    /// <summary>Gets the smallest representable amount.</summary>
    public static Amount MinValue => new(Int128.MinValue);

    /// <summary>Gets the amount in base units.</summary>
    public Int128 Units => units;

    /// <summary>Gets a value indicating whether this amount is zero.</summary>
    public bool IsZero => units == 0;

    /// <summary>Gets a value indicating whether this amount is below zero.</summary>
    public bool IsNegative => units < 0;

    /// <summary>Gets a value indicating whether this amount is above zero.</summary>
    public bool IsPositive => units > 0;

    /// <summary>Creates an amount from base units.</summary>
    public static Amount FromUnits(Int128 units) => new(units);

    /// <summary>Creates an amount from base units.</summary>
    public static Amount FromUnits(long units) => new(units);

    /// <summary>Creates an amount of whole tokens (<paramref name="whole"/> × 10^<paramref name="decimals"/> units).</summary>
    /// <exception cref="OverflowException">The result does not fit.</exception>
    public static Amount FromWhole(long whole, int decimals) => new(checked(whole * DecimalAmount.Pow10(decimals)));

    /// <summary>Parses a non-negative decimal string ("1.5") into base units of an asset with <paramref name="decimals"/> decimals.</summary>
    /// <exception cref="AmountFormatException">The text is empty, malformed, negative, too precise or too large.</exception>
    public static Amount Parse(string text, int decimals) => DecimalAmount.Parse(text, decimals);

    /// <summary>Tries to parse a non-negative decimal string; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, int decimals, out Amount amount, out AmountFormatError error) =>
        DecimalAmount.TryParse(text, decimals, out amount, out error);

    /// <summary>Formats this amount as a decimal string with <paramref name="decimals"/> decimals, trailing zeros trimmed.</summary>
    public string Format(int decimals) => DecimalAmount.Format(units, decimals);

    /// <summary>Returns the larger of two amounts.</summary>
    public static Amount Max(Amount left, Amount right) => left.units >= right.units ? left : right;

    /// <summary>Returns the smaller of two amounts.</summary>
    public static Amount Min(Amount left, Amount right) => left.units <= right.units ? left : right;

    /// <summary>Adds two amounts.</summary>
    public static Amount operator +(Amount left, Amount right) => new(checked(left.units + right.units));

    /// <summary>Subtracts one amount from another.</summary>
    public static Amount operator -(Amount left, Amount right) => new(checked(left.units - right.units));

    /// <summary>Negates an amount.</summary>
    public static Amount operator -(Amount amount) => new(checked(-amount.units));

    /// <summary>Multiplies an amount by a whole count.</summary>
    public static Amount operator *(Amount amount, long count) => new(checked(amount.units * count));

    /// <inheritdoc cref="op_Addition"/>
    public static Amount Add(Amount left, Amount right) => left + right;

    /// <inheritdoc cref="op_Subtraction"/>
    public static Amount Subtract(Amount left, Amount right) => left - right;

    /// <inheritdoc cref="op_UnaryNegation"/>
    public static Amount Negate(Amount amount) => -amount;

    /// <inheritdoc cref="op_Multiply"/>
    public static Amount Multiply(Amount amount, long count) => amount * count;

    /// <summary>Compares two amounts.</summary>
    public static bool operator ==(Amount left, Amount right) => left.units == right.units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator !=(Amount left, Amount right) => left.units != right.units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Amount left, Amount right) => left.units < right.units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Amount left, Amount right) => left.units > right.units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Amount left, Amount right) => left.units <= right.units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Amount left, Amount right) => left.units >= right.units;

    /// <summary>
    /// Returns this amount times <paramref name="rate"/>, truncated toward zero.
    /// </summary>
    /// <remarks>Truncation toward zero makes the share of a clawback the exact negation of the share of the original.</remarks>
    public Amount Times(Rate rate) => new(ExactMath.MulDiv(units, rate.PartsPerMillion, Rate.PartsPerMillionScale));

    /// <inheritdoc/>
    public bool Equals(Amount other) => units == other.units;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Amount other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => units.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Amount other) => units.CompareTo(other.units);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Amount other => CompareTo(other),
        _ => throw new ArgumentException("Object must be an Amount.", nameof(obj)),
    };

    /// <summary>Returns the base units as an invariant integer string.</summary>
    public override string ToString() => units.ToString(CultureInfo.InvariantCulture);
}
