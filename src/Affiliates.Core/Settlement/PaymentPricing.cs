namespace Affiliates.Settlement;

/// <summary>How a payment settled in an earlier epoch was priced, and how much of it was refunded before this epoch.</summary>
/// <remarks>A refund in this epoch reverses its share of what the payment earned at this rate and multiplier.</remarks>
/// <param name="Rate">The payment's commission line rate: its tier's rate (revenue share) or the referral fee (fee share).</param>
/// <param name="Multiplier">The payment's multiplier (×1 unless fee share).</param>
/// <param name="RefundedBefore">What its refunds booked in earlier epochs refunded.</param>
public sealed record PaymentPricing(Rate Rate, Multiplier Multiplier, Amount RefundedBefore);
