using System.Globalization;
using System.Text.Json;

namespace Affiliates.Chainflip.Payouts;

/// <summary>What a prepared withdrawal keeps to be judged after a restart: the affiliate, its registration and the balance before.</summary>
internal sealed record WithdrawalReconciliation(string Affiliate, string RegistrationId, Amount BalanceBefore, Amount LineAmount)
{
    public string Write() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["affiliate"] = Affiliate,
        ["registration"] = RegistrationId,
        ["balance_before"] = BalanceBefore.ToString(),
        ["line_amount"] = LineAmount.ToString(),
    });

    public static WithdrawalReconciliation Read(string text)
    {
        Dictionary<string, string>? fields;
        try
        {
            fields = JsonSerializer.Deserialize<Dictionary<string, string>>(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The Chainflip withdrawal's reconciliation data is not the JSON this rail writes.", ex);
        }

        if (fields is null
            || !fields.TryGetValue("affiliate", out string? affiliate)
            || !fields.TryGetValue("registration", out string? registration)
            || !fields.TryGetValue("balance_before", out string? before)
            || !fields.TryGetValue("line_amount", out string? line)
            || !Int128.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out Int128 beforeUnits)
            || !Int128.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out Int128 lineUnits))
        {
            throw new FormatException("The Chainflip withdrawal's reconciliation data lacks the affiliate, registration, balance or amount.");
        }

        return new WithdrawalReconciliation(affiliate, registration, Amount.FromUnits(beforeUnits), Amount.FromUnits(lineUnits));
    }
}
