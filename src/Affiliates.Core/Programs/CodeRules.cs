using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Affiliates.Programs;

/// <summary>How codes are normalised and checked against a registry's terms.</summary>
internal static class CodeRules
{
    // \z, not $: in .NET, $ also matches before a final line feed.
    public const string DefaultPattern = @"^[A-Z0-9_-]{3,20}\z";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Codes are case-insensitive: they are compared and stored upper-cased (invariant culture).</summary>
    public static string Normalize(string code) => code.ToUpperInvariant();

    public static bool IsWellFormed(string normalized, ProgramTerms terms)
    {
        try
        {
            Regex pattern = Patterns.GetOrAdd(terms.CodePattern, WholeCode);
            return !SignedMessage.IsUnsafe(normalized) && pattern.IsMatch(normalized);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or ArgumentException)
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
            _ = WholeCode(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The pattern matching whole codes only, whatever anchors it was written with.</summary>
    /// <remarks>The pattern is parsed alone first, so its groups are balanced and cannot close the wrapping group.</remarks>
    private static Regex WholeCode(string pattern)
    {
        _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        return new Regex($@"^(?:{pattern})\z", RegexOptions.CultureInvariant, MatchTimeout);
    }
}
