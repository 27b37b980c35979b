namespace Affiliates.Ledger;

/// <summary>Whether an event was recorded, and if not, why.</summary>
public enum IngestStatus
{
    /// <summary>The event and its entries were appended.</summary>
    Recorded,

    /// <summary>An event with the same id was ingested before; nothing was written again.</summary>
    Duplicate,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>A required field (id, user, refund target) is empty or the kind is undefined; the detail names it.</summary>
    MissingField,

    /// <summary>The amount or the notional is negative.</summary>
    NegativeAmount,

    /// <summary>The amount or the notional exceeds <see cref="IngestResult.MaxAmount"/>.</summary>
    AmountTooLarge,

    /// <summary>The refunded event does not exist, or is itself a refund.</summary>
    UnknownRefundTarget,

    /// <summary>The event was refunded before; a second refund would claw it back twice.</summary>
    AlreadyRefunded,

    /// <summary>The refund's amount differs from the refunded event's (only full refunds are supported).</summary>
    RefundAmountMismatch,
}
