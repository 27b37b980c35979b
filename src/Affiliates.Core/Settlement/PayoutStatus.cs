namespace Affiliates.Settlement;

/// <summary>Where a payout intent is in its life.</summary>
public enum PayoutStatus
{
    /// <summary>Created by settlement; no worker has claimed it.</summary>
    Pending,

    /// <summary>A worker claimed it and may be sending it; no other worker may send it.</summary>
    Claimed,

    /// <summary>The transfer was submitted to the chain under the intent's id.</summary>
    Sent,

    /// <summary>The transfer is final on chain.</summary>
    Confirmed,

    /// <summary>The transfer failed for good; the amount returns to the partner's carry-over.</summary>
    Failed,
}
