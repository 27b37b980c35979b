namespace Affiliates.Ledger;

/// <summary>Whether an event was recorded, and if not, why.</summary>
public enum IngestStatus
{
    /// <summary>The event and its entries were appended.</summary>
    Recorded,

    /// <summary>The same event (same id, same contents) was ingested before; nothing was written again.</summary>
    Duplicate,

    /// <summary>An event with the same id but other contents was ingested before; nothing was written.</summary>
    Conflict,

    /// <summary>A refund whose refunded event has not arrived yet: it is kept, and applied when that event arrives.</summary>
    Held,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>A required field (id, user, refund target) is empty or the kind is undefined; the detail names it.</summary>
    MissingField,

    /// <summary>The amount or the notional is negative, or a refund's amount is zero.</summary>
    NegativeAmount,

    /// <summary>The amount or the notional exceeds <see cref="IngestResult.MaxAmount"/>.</summary>
    AmountTooLarge,

    /// <summary>The refunded event is itself a refund.</summary>
    NotRefundable,

    /// <summary>The refund would bring the total refunded above the refunded event's amount.</summary>
    RefundExceedsPayment,

    /// <summary>The event's asset is not the registry's asset.</summary>
    WrongAsset,

    /// <summary>The event happened before the registry's first epoch.</summary>
    BeforeFirstEpoch,
}
