using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One line of a payee's epoch statement: what one ledger entry earned the payee.</summary>
/// <remarks>
/// <para>
/// Revenue share: a <see cref="StatementLineKind.Commission"/> line earns <c>Revenue × Rate</c> truncated toward zero,
/// the rate of its partner's tier. Fee share: the partner's commission and the user's kickback are the
/// <see cref="Fees.ReferralFeeSplit"/> of the fee at the referral fee (<see cref="Rate"/> of the commission line), the
/// <see cref="Multiplier"/> and the kickback (<see cref="Rate"/> of the kickback line). An affiliate fee line pays the
/// fee charged on top, in full; its revenue is zero.
/// </para>
/// <para>
/// A refund's line has negative revenue and reverses, at the refunded payment's rate and multiplier, its share of
/// what the payment earned: the refunds of one payment reverse <c>f(refunded after) − f(refunded before)</c> each, where
/// f is the payment's pricing, so however a payment is refunded in parts the reversals never exceed, and a full
/// refund exactly equals, what it earned.
/// </para>
/// </remarks>
/// <param name="EventId">The event that produced the ledger entry.</param>
/// <param name="Sequence">The ledger entry's position within its event.</param>
/// <param name="OccurredAt">When the event happened (before the epoch for a late line).</param>
/// <param name="Code">The partner code the revenue was attributed to.</param>
/// <param name="Kind">What the line pays.</param>
/// <param name="Late">Whether the event arrived after its own epoch was closed and is settled in this one.</param>
/// <param name="Revenue">The attributed revenue the amount was computed from (negative for a refund, zero for an affiliate fee).</param>
/// <param name="Rate">The tier rate (revenue share), the referral fee or the kickback (fee share), 100 % for an affiliate fee.</param>
/// <param name="Multiplier">The multiplier applied (×1 unless fee share with a ladder).</param>
/// <param name="Amount">What the line earns the payee (negative for a refund).</param>
public readonly record struct StatementLine(
    string EventId,
    int Sequence,
    Instant OccurredAt,
    string Code,
    StatementLineKind Kind,
    bool Late,
    Amount Revenue,
    Rate Rate,
    Multiplier Multiplier,
    Amount Amount);
