namespace Affiliates.Ledger;

/// <summary>Where a refund is.</summary>
/// <remarks>The values are stored; they never change meaning.</remarks>
public enum RefundStatus
{
    /// <summary>The refunded event has not arrived; the refund waits for it.</summary>
    Held = 1,

    /// <summary>The refund is booked against its event.</summary>
    Applied = 2,

    /// <summary>The refund was held and, when its event arrived, would have refunded more than the event's amount.</summary>
    Refused = 3,
}
