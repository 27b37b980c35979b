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

    /// <summary>An event that had to be new (such as the marker that lets an event be refunded once) already exists.</summary>
    EventExists,

    /// <summary>The stored binding was no longer the one the write expected: another writer changed it first.</summary>
    BindingChanged,

    /// <summary>The stored registry was no longer the version the write followed: another writer changed it first.</summary>
    RegistryChanged,

    /// <summary>The stored code generation was no longer the version the write followed: another writer changed it first.</summary>
    CodeChanged,
}
