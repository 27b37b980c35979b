namespace Affiliates;

/// <summary>Why a decimal string is not a valid amount.</summary>
public enum AmountFormatError
{
    /// <summary>The text parsed.</summary>
    None,

    /// <summary>The text is null, empty or white space.</summary>
    Empty,

    /// <summary>The text is not a plain decimal number ("1", "1.5", ".5" are; "1e3", "1,5", "0x10", "1.2.3" are not).</summary>
    Malformed,

    /// <summary>The text has a minus sign; parsed amounts are never negative.</summary>
    Negative,

    /// <summary>The text has more fractional digits than the asset has decimals.</summary>
    TooManyDecimals,

    /// <summary>The value does not fit in an <see cref="Amount"/>.</summary>
    Overflow,
}
