using NodaTime;

namespace Affiliates.Ledger;

/// <summary>One refund of an event: the key that lets an event be refunded, in parts, never above its amount.</summary>
/// <remarks>
/// The applied refunds of one event are numbered 1, 2, … in the order they were applied, and each records the total
/// refunded after it. Stores keep (registry, refunded event, ordinal) unique, so of two writers applying a refund
/// to the same event at once only one can commit.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="RefundId">The refund event's id.</param>
/// <param name="PaymentId">The refunded event's id.</param>
/// <param name="OccurredAt">When the refund happened.</param>
/// <param name="Amount">The amount refunded; positive.</param>
/// <param name="Status">Held, applied or refused.</param>
/// <param name="Ordinal">The refund's number among its event's applied refunds (1 for the first); 0 unless applied.</param>
/// <param name="RefundedAfter">The event's total refunded including this refund; zero unless applied.</param>
/// <param name="BookedAt">When the refund's entry is booked; <see langword="null"/> unless applied.</param>
public sealed record RefundRecord(
    string RegistryId,
    string RefundId,
    string PaymentId,
    Instant OccurredAt,
    Amount Amount,
    RefundStatus Status,
    int Ordinal,
    Amount RefundedAfter,
    Instant? BookedAt);
