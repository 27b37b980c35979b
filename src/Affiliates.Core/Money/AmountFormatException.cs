namespace Affiliates;

/// <summary>Thrown when a decimal string cannot be read as an exact amount.</summary>
public sealed class AmountFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="AmountFormatException"/> class.</summary>
    public AmountFormatException(string? input, int decimals, AmountFormatError error)
        : base($"'{input}' is not a valid amount with {decimals} decimals: {Describe(error)}.")
    {
        Input = input;
        Decimals = decimals;
        Error = error;
    }

    /// <summary>Gets the rejected text.</summary>
    public string? Input { get; }

    /// <summary>Gets the number of decimals the text was read with.</summary>
    public int Decimals { get; }

    /// <summary>Gets why the text was rejected.</summary>
    public AmountFormatError Error { get; }

    private static string Describe(AmountFormatError error) => error switch
    {
        AmountFormatError.Empty => "the text is empty",
        AmountFormatError.Malformed => "expected digits with at most one decimal point",
        AmountFormatError.Negative => "amounts cannot be negative",
        AmountFormatError.TooManyDecimals => "too many fractional digits",
        AmountFormatError.Overflow => "the value is too large",
        _ => error.ToString(),
    };
}
