using System.Buffers;
using System.Globalization;
using System.Text;

namespace Affiliates.Programs;

/// <summary>The text a wallet signs, one <c>key: value</c> line per field, and the fields that could forge a line.</summary>
/// <remarks>
/// A value holding a line break could add a line of its own ("twitter\npayment-address: mine"), and control or
/// invisible formatting characters (bidirectional overrides, zero-width marks) could make the text a wallet shows
/// read differently from what is signed: such values are named in <see cref="UnsafeFields"/> and the engine refuses
/// the request.
/// </remarks>
internal sealed class SignedMessage
{
    private readonly StringBuilder text;
    private readonly List<string> unsafeFields = [];

    public SignedMessage(string heading) => text = new StringBuilder(heading);

    /// <summary>Gets the keys of the lines whose values hold a character that could forge or hide text.</summary>
    public IReadOnlyList<string> UnsafeFields => unsafeFields;

    /// <summary>Returns whether a value holds a control, line or paragraph separator, format or unpaired surrogate character.</summary>
    public static bool IsUnsafe(ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(value, out Rune rune, out int consumed) != OperationStatus.Done)
            {
                return true;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }

            value = value[consumed..];
        }

        return false;
    }

    public SignedMessage Line(string key, string? value)
    {
        if (IsUnsafe(value))
        {
            unsafeFields.Add(key);
        }

        text.Append('\n').Append(key).Append(": ").Append(value);
        return this;
    }

    /// <summary>Adds a line listing items separated by commas; an empty item or one holding a comma would make the list ambiguous.</summary>
    public SignedMessage List(string key, IEnumerable<string> items)
    {
        string[] values = [.. items];
        if (values.Any(item => item.Length == 0 || item.Contains(',', StringComparison.Ordinal)))
        {
            unsafeFields.Add(key);
        }

        return Line(key, string.Join(',', values));
    }

    /// <summary>Adds a line of parts separated by <paramref name="separator"/>; a part holding it would make the line ambiguous.</summary>
    public SignedMessage Parts(string key, char separator, params ReadOnlySpan<string?> parts)
    {
        foreach (string? part in parts)
        {
            if (part is not null && part.Contains(separator, StringComparison.Ordinal))
            {
                unsafeFields.Add(key);
                break;
            }
        }

        return Line(key, string.Join(separator, parts));
    }

    public override string ToString() => text.ToString();
}
