using System.Globalization;
using System.Text;

namespace Affiliates;

/// <summary>Exact conversion between decimal strings and base units.</summary>
internal static class DecimalAmount
{
    /// <summary>The largest number of decimals an asset may declare; 10^30 still leaves 10^8 whole tokens of headroom.</summary>
    public const int MaxDecimals = 30;

    private static readonly Int128[] Powers = BuildPowers();

    public static Int128 Pow10(int decimals)
    {
        Preconditions.InRange(decimals, 0, MaxDecimals);
        return Powers[decimals];
    }

    public static Amount Parse(string text, int decimals) =>
        TryParse(text, decimals, out Amount amount, out AmountFormatError error)
            ? amount
            : throw new AmountFormatException(text, decimals, error);

    public static bool TryParse(string? text, int decimals, out Amount amount, out AmountFormatError error)
    {
        Preconditions.InRange(decimals, 0, MaxDecimals);
        amount = Amount.Zero;
        error = Read(text, decimals, out Int128 units);
        if (error != AmountFormatError.None)
        {
            return false;
        }

        amount = Amount.FromUnits(units);
        return true;
    }

    public static string Format(Int128 units, int decimals)
    {
        Preconditions.InRange(decimals, 0, MaxDecimals);
        bool negative = units < 0;
        UInt128 magnitude = negative ? (UInt128)(-(units + 1)) + 1 : (UInt128)units;
        UInt128 scale = (UInt128)Powers[decimals];
        UInt128 whole = magnitude / scale;
        UInt128 fraction = magnitude % scale;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        builder.Append(whole.ToString(CultureInfo.InvariantCulture));
        if (fraction != 0)
        {
            string digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
            builder.Append('.').Append(digits);
        }

        return builder.ToString();
    }

    private static AmountFormatError Read(string? text, int decimals, out Int128 units)
    {
        units = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return AmountFormatError.Empty;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span[0] == '-')
        {
            return span.Length > 1 && (char.IsAsciiDigit(span[1]) || span[1] == '.') ? AmountFormatError.Negative : AmountFormatError.Malformed;
        }

        if (span[0] == '+')
        {
            span = span[1..];
        }

        int point = span.IndexOf('.');
        ReadOnlySpan<char> whole = point < 0 ? span : span[..point];
        ReadOnlySpan<char> fraction = point < 0 ? [] : span[(point + 1)..];
        if ((whole.IsEmpty && fraction.IsEmpty) || !AllDigits(whole) || !AllDigits(fraction))
        {
            return AmountFormatError.Malformed;
        }

        fraction = fraction.TrimEnd('0');
        if (fraction.Length > decimals)
        {
            return AmountFormatError.TooManyDecimals;
        }

        Int128 value = 0;
        foreach (char digit in whole)
        {
            if (!TryAppendDigit(ref value, digit))
            {
                return AmountFormatError.Overflow;
            }
        }

        for (int i = 0; i < decimals; i++)
        {
            if (!TryAppendDigit(ref value, i < fraction.Length ? fraction[i] : '0'))
            {
                return AmountFormatError.Overflow;
            }
        }

        units = value;
        return AmountFormatError.None;
    }

    private static bool TryAppendDigit(ref Int128 value, char digit)
    {
        Int128 limit = (Int128.MaxValue - (digit - '0')) / 10;
        if (value > limit)
        {
            return false;
        }

        value = (value * 10) + (digit - '0');
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> digits)
    {
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[MaxDecimals + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
