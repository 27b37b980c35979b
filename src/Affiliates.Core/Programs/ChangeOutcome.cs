namespace Affiliates.Programs;

/// <summary>Whether a signed change was applied, and if not, why.</summary>
public enum ChangeOutcome
{
    /// <summary>The change was applied and its nonce consumed.</summary>
    Applied,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>The code does not exist.</summary>
    UnknownCode,

    /// <summary>The signer is not the code's owner or the registry's admin as the change requires.</summary>
    NotAuthorised,

    /// <summary>The signature does not sign the canonical message for this signer.</summary>
    BadSignature,

    /// <summary>The request expired.</summary>
    Expired,

    /// <summary>The request's expiry is further ahead than the host allows.</summary>
    ExpiryTooFar,

    /// <summary>The nonce was used before (a replay).</summary>
    NonceReplayed,

    /// <summary>A rate lies outside the range of the registry's current terms.</summary>
    OutOfRange,

    /// <summary>The code does not match the registry's code rule.</summary>
    MalformedCode,

    /// <summary>The code is a reserved word.</summary>
    ReservedCode,

    /// <summary>The code is active and owned by someone.</summary>
    CodeTaken,

    /// <summary>The owner already has an active code for that channel (one code per channel).</summary>
    ChannelTaken,

    /// <summary>The code was retired and its cool-down has not passed.</summary>
    CodeCoolingDown,

    /// <summary>The code is retired and cannot be changed.</summary>
    CodeRetired,

    /// <summary>A required text field is empty.</summary>
    MissingField,

    /// <summary>The published terms are not valid; the detail lists every problem.</summary>
    InvalidTerms,

    /// <summary>A registry with that id exists already.</summary>
    RegistryTaken,

    /// <summary>Other changes to the same record committed first three times in a row; nothing was written, retry with a new nonce.</summary>
    Conflict,

    /// <summary>
    /// A signed field holds a line break, a control or invisible formatting character, or a list item holds the list's
    /// separator, so the text a wallet shows could say something other than the request; the detail names the fields.
    /// </summary>
    UnsafeText,
}
