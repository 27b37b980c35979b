using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One line of a partner's epoch statement: one ledger line's revenue and the commission it earned.</summary>
/// <remarks>
/// The commission is <c>Revenue × Rate</c> truncated toward zero, so a clawback's commission is the exact negation of
/// the original's at the same rate; the protocol keeps <see cref="Protocol"/>, including the rounding unit. For a
/// fee-share program the line is the partner's commission itself: the rate is 100 % and the protocol keeps nothing
/// here (its part was booked when the fee was split).
/// </remarks>
/// <param name="EventId">The event that produced the ledger line.</param>
/// <param name="Sequence">The ledger line's position within its event.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Code">The partner code the revenue was attributed to.</param>
/// <param name="Revenue">The attributed revenue (negative for a clawback).</param>
/// <param name="Rate">The commission rate applied.</param>
/// <param name="Commission">The commission earned on this line.</param>
public readonly record struct StatementLine(
    string EventId,
    int Sequence,
    Instant OccurredAt,
    string Code,
    Amount Revenue,
    Rate Rate,
    Amount Commission)
{
    /// <summary>Gets what the protocol keeps of the line's revenue.</summary>
    public Amount Protocol => Revenue - Commission;
}
