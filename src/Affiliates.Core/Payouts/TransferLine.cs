namespace Affiliates.Payouts;

/// <summary>One payment inside a transfer: one payout intent's amount to its payee.</summary>
/// <param name="PayoutId">The payout intent paid; unique within a transfer.</param>
/// <param name="PayeeAddress">The address the amount goes to, as settlement recorded it (the rail validates it for its chain).</param>
/// <param name="Asset">The asset paid, which the rail <see cref="IPayoutRail.Pays"/>.</param>
/// <param name="Amount">The amount in the asset's base units, above zero.</param>
public sealed record TransferLine(string PayoutId, string PayeeAddress, Asset Asset, Amount Amount)
{
    /// <summary>Gets the payout id.</summary>
    public string PayoutId { get; } = string.IsNullOrEmpty(PayoutId) ? throw new ArgumentException("PayoutId must not be empty.", nameof(PayoutId)) : PayoutId;

    /// <summary>Gets the payee address.</summary>
    public string PayeeAddress { get; } = Preconditions.NotNull(PayeeAddress);

    /// <summary>Gets the asset.</summary>
    public Asset Asset { get; } = Preconditions.NotNull(Asset);

    /// <summary>Gets the amount.</summary>
    public Amount Amount { get; } = Amount.IsPositive
        ? Amount
        : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "Amount must be above zero.");
}
