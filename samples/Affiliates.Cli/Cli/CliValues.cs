using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Affiliates.Cli.Cli;

/// <summary>Exact parsing of the values commands take as text; every failure names what it was parsing.</summary>
internal static class CliValues
{
    /// <summary>Parses "5%", "0.25%", "50bps" or "500ppm" exactly.</summary>
    public static bool TryParseRate(string? text, out Affiliates.Rate rate)
    {
        rate = Affiliates.Rate.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        (string number, int decimals, int scale) = text switch
        {
            _ when text.EndsWith('%') => (text[..^1], 4, 1),
            _ when text.EndsWith("bps", StringComparison.OrdinalIgnoreCase) => (text[..^3], 2, 100),
            _ when text.EndsWith("ppm", StringComparison.OrdinalIgnoreCase) => (text[..^3], 0, 1),
            _ => (string.Empty, 0, 0),
        };
        if (scale == 0 || !Affiliates.Amount.TryParse(number.Trim(), decimals, out Affiliates.Amount units, out _) || units.IsNegative || units.Units > 1_000_000 / scale)
        {
            return false;
        }

        rate = Affiliates.Rate.FromPartsPerMillion(checked((int)units.Units * scale));
        return true;
    }

    public static Rate Rate(string? text, string what) =>
        TryParseRate(text, out Affiliates.Rate rate) ? rate : throw CliException.Usage($"{what} must be a rate from 0% to 100% such as 5%, 0.25%, 50bps or 500ppm, not '{text}'.");

    public static Amount Amount(string? text, Asset asset, string what)
    {
        if (!Affiliates.Amount.TryParse(text?.Trim(), asset.Decimals, out Amount amount, out AmountFormatError error))
        {
            throw CliException.Usage($"{what} must be an amount of {asset.Symbol} with at most {asset.Decimals} decimals, not '{text}' ({error}).");
        }

        return amount;
    }

    public static Instant Instant(string? text, string what)
    {
        ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(text?.Trim() ?? string.Empty);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(text?.Trim() ?? string.Empty);
        return date.Success
            ? date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : throw CliException.Usage($"{what} must be a UTC time such as 2026-11-03T10:00:00Z or a date such as 2026-11-03, not '{text}'.");
    }

    public static string Format(Rate rate) => rate.ToString();

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
