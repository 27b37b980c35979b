namespace Affiliates;

/// <summary>
/// A share between 0 % and 100 %, held exactly in parts per million (ppm).
/// </summary>
/// <remarks>
/// One basis point is 100 ppm, so every bps value converts exactly; a ppm value converts back to bps only when it is a
/// multiple of 100 (see <see cref="TryGetBasisPoints"/>). <see cref="Zero"/> equals <c>default</c>.
/// </remarks>
public readonly struct Rate : IEquatable<Rate>, IComparable<Rate>
{
    /// <summary>Parts per million in 100 %.</summary>
    public const int PartsPerMillionScale = 1_000_000;

    private readonly int ppm;

    private Rate(int ppm) => this.ppm = ppm;

    /// <summary>Gets 0 %.</summary>
    public static Rate Zero => default;

    /// <summary>Gets 100 %.</summary>
    public static Rate Full => new(PartsPerMillionScale);

    /// <summary>Gets the rate in parts per million (0 to 1 000 000).</summary>
    public int PartsPerMillion => ppm;

    /// <summary>Creates a rate from parts per million.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 1 000 000.</exception>
    public static Rate FromPartsPerMillion(int partsPerMillion)
    {
        Preconditions.InRange(partsPerMillion, 0, PartsPerMillionScale);
        return new Rate(partsPerMillion);
    }

    /// <summary>Creates a rate from basis points (1 bps = 0.01 %).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 10 000.</exception>
    public static Rate FromBasisPoints(int basisPoints)
    {
        Preconditions.InRange(basisPoints, 0, 10_000);
        return new Rate(basisPoints * 100);
    }

    /// <summary>Creates a rate from whole percent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0 to 100.</exception>
    public static Rate FromPercent(int percent)
    {
        Preconditions.InRange(percent, 0, 100);
        return new Rate(percent * 10_000);
    }

    /// <summary>Gets the rate in basis points, if it is a whole number of them.</summary>
    public bool TryGetBasisPoints(out int basisPoints)
    {
        basisPoints = ppm / 100;
        return ppm % 100 == 0;
    }

    /// <summary>Gets the rate in whole basis points.</summary>
    /// <exception cref="InvalidOperationException">The rate is not a whole number of basis points.</exception>
    public int ToBasisPoints() => TryGetBasisPoints(out int bps)
        ? bps
        : throw new InvalidOperationException($"{this} is not a whole number of basis points.");

    /// <summary>Gets 100 % minus this rate.</summary>
    public Rate Complement => new(PartsPerMillionScale - ppm);

    /// <summary>Compares two rates.</summary>
    public static bool operator ==(Rate left, Rate right) => left.ppm == right.ppm;

    /// <summary>Compares two rates.</summary>
    public static bool operator !=(Rate left, Rate right) => left.ppm != right.ppm;

    /// <summary>Compares two rates.</summary>
    public static bool operator <(Rate left, Rate right) => left.ppm < right.ppm;

    /// <summary>Compares two rates.</summary>
    public static bool operator >(Rate left, Rate right) => left.ppm > right.ppm;

    /// <summary>Compares two rates.</summary>
    public static bool operator <=(Rate left, Rate right) => left.ppm <= right.ppm;

    /// <summary>Compares two rates.</summary>
    public static bool operator >=(Rate left, Rate right) => left.ppm >= right.ppm;

    /// <inheritdoc/>
    public bool Equals(Rate other) => ppm == other.ppm;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ppm;

    /// <inheritdoc/>
    public int CompareTo(Rate other) => ppm.CompareTo(other.ppm);

    /// <summary>Formats the rate as an exact percentage, e.g. "2.5%".</summary>
    public override string ToString() =>
        DecimalAmount.Format(ppm, 4) + "%";
}
