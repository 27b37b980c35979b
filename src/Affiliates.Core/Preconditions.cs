using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Affiliates;

/// <summary>Argument checks shared by the core; throw helpers stay out of hot paths.</summary>
internal static class Preconditions
{
    public static void InRange(long value, long min, long max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            ThrowOutOfRange(paramName, value, $"must be between {min} and {max}");
        }
    }

    public static void NotNegative(Int128 value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            ThrowOutOfRange(paramName, value, "must not be negative");
        }
    }

    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(paramName);
        }

        return value;
    }

    [DoesNotReturn]
    public static void ThrowOutOfRange(string? paramName, object actual, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actual, $"{paramName} {message}.");

    [DoesNotReturn]
    private static void ThrowNull(string? paramName) => throw new ArgumentNullException(paramName);
}
