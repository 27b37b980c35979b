namespace Affiliates.Fees;

/// <summary>The range, set by a registry admin, within which partners may set their affiliate fee.</summary>
/// <remarks>Both bounds are inclusive. <c>default</c> is the range 0 % to 0 %.</remarks>
public readonly record struct AffiliateFeeRange
{
    /// <summary>Initializes a new instance of the <see cref="AffiliateFeeRange"/> struct.</summary>
    /// <exception cref="ArgumentException"><paramref name="minimum"/> is above <paramref name="maximum"/>.</exception>
    public AffiliateFeeRange(Rate minimum, Rate maximum)
    {
        if (minimum > maximum)
        {
            throw new ArgumentException($"minimum {minimum} is above maximum {maximum}.", nameof(minimum));
        }

        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the lowest allowed rate.</summary>
    public Rate Minimum { get; }

    /// <summary>Gets the highest allowed rate.</summary>
    public Rate Maximum { get; }

    /// <summary>Returns whether <paramref name="rate"/> lies within the range.</summary>
    public bool Contains(Rate rate) => rate >= Minimum && rate <= Maximum;
}
