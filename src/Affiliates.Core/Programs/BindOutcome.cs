namespace Affiliates.Programs;

/// <summary>What happened to a user's binding, and if nothing, why.</summary>
public enum BindOutcome
{
    /// <summary>The user is now bound to the code.</summary>
    Bound,

    /// <summary>The user's previous code was replaced (replaceable registries).</summary>
    Replaced,

    /// <summary>The user was already bound to that code; nothing changed.</summary>
    Unchanged,

    /// <summary>The user's binding was removed (replaceable registries).</summary>
    Removed,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>Neither a token nor a code was given, or there was no binding to remove.</summary>
    NoReferral,

    /// <summary>The token is unknown or belongs to another registry.</summary>
    UnknownToken,

    /// <summary>The token's attribution window has passed.</summary>
    TokenExpired,

    /// <summary>The code does not exist.</summary>
    UnknownCode,

    /// <summary>The code does not match the registry's code rule.</summary>
    MalformedCode,

    /// <summary>The code (or the token's generation of it) is retired.</summary>
    RetiredCode,

    /// <summary>The user owns or is paid by the code and the registry refuses self-referral.</summary>
    SelfReferral,

    /// <summary>The user or the partner is excluded.</summary>
    ExcludedAddress,

    /// <summary>The registry binds new users only and this user already has activity.</summary>
    NotNewUser,

    /// <summary>The user is permanently bound to another code (first-touch permanent).</summary>
    PermanentlyBound,
}
