using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Affiliates.Programs;

/// <summary>How codes are normalised and checked against a registry's terms.</summary>
internal static class CodeRules
{
    public const string DefaultPattern = "^[A-Z0-9_-]{3,20}$";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Codes are case-insensitive: they are compared and stored upper-cased (invariant culture).</summary>
    public static string Normalize(string code) => code.ToUpperInvariant();

    public static bool IsWellFormed(string normalized, ProgramTerms terms)
    {
        try
        {
            Regex pattern = Patterns.GetOrAdd(terms.CodePattern, static text => new Regex(text, RegexOptions.CultureInvariant, MatchTimeout));
            return pattern.IsMatch(normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static bool IsReserved(string normalized, ProgramTerms terms) =>
        terms.ReservedCodes.Any(reserved => string.Equals(Normalize(reserved), normalized, StringComparison.Ordinal));

    public static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
