namespace Affiliates.Storage;

/// <summary>Why a unit of work could not commit.</summary>
public enum StoreConflict
{
    /// <summary>The signer's nonce was already consumed.</summary>
    NonceUsed,

    /// <summary>The epoch was already settled.</summary>
    EpochAlreadySettled,

    /// <summary>The payout's stored version was not the expected one: another worker changed it first.</summary>
    PayoutVersionMismatch,

    /// <summary>That terms version of the registry already exists.</summary>
    TermsVersionExists,

    /// <summary>That generation of the code was created already.</summary>
    CodeTaken,

    /// <summary>A registry with that id exists already.</summary>
    RegistryTaken,

    /// <summary>Entries that had to be new already exist.</summary>
    EventExists,

    /// <summary>The stored binding was no longer the one the write expected: another writer changed it first.</summary>
    BindingChanged,

    /// <summary>The registry's latest closed epoch was not the one the write expected: an epoch was closed meanwhile.</summary>
    ClosedEpochChanged,

    /// <summary>The refund was not in the expected status, or another refund of the same event was applied first.</summary>
    RefundChanged,

    /// <summary>The stored registry was no longer the version the write followed: another writer changed it first.</summary>
    RegistryChanged,

    /// <summary>The stored code generation was no longer the version the write followed: another writer changed it first.</summary>
    CodeChanged,
}
