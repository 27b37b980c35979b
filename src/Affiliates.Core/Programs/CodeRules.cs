using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Affiliates.Programs;

/// <summary>How codes are normalised and checked against a registry's terms.</summary>
internal static class CodeRules
{
    // \z, not $: in .NET, $ also matches before a final line feed.
    public const string DefaultPattern = @"^[A-Z0-9_-]{3,20}\z";

    // Linear-time matching, so that no wall-clock timeout is needed: a timeout refused well-formed codes as malformed
    // whenever the machine was slow. Constructs that need backtracking (lookarounds, backreferences) are refused at publish.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Codes are case-insensitive: they are compared and stored upper-cased (invariant culture).</summary>
    public static string Normalize(string code) => code.ToUpperInvariant();

    public static bool IsWellFormed(string normalized, ProgramTerms terms)
    {
        try
        {
            Regex pattern = Patterns.GetOrAdd(terms.CodePattern, Compile);
            return !SignedMessage.IsUnsafe(normalized) && pattern.IsMatch(normalized);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
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
            _ = Compile(pattern);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The pattern matching whole codes only, whatever anchors it was written with.</summary>
    /// <remarks>The pattern is parsed alone first, so its groups are balanced and cannot close the wrapping group.</remarks>
    internal static Regex Compile(string pattern)
    {
        _ = new Regex(pattern, Options);
        return new Regex($@"^(?:{pattern})\z", Options);
    }
}
