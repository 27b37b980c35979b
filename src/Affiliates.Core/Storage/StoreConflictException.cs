namespace Affiliates.Storage;

/// <summary>Thrown by <see cref="IAffiliateUnitOfWork.CommitAsync"/> when a write conflicts; nothing of the unit was written.</summary>
public sealed class StoreConflictException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreConflictException"/> class.</summary>
    /// <param name="conflict">Why the commit failed.</param>
    /// <param name="key">The key that conflicted (nonce, epoch id, payout id, ...).</param>
    public StoreConflictException(StoreConflict conflict, string key)
        : base($"Store conflict {conflict} on '{key}'; the unit of work was rolled back.")
    {
        Conflict = conflict;
        Key = key;
    }

    /// <summary>Gets why the commit failed.</summary>
    public StoreConflict Conflict { get; }

    /// <summary>Gets the key that conflicted.</summary>
    public string Key { get; }
}
