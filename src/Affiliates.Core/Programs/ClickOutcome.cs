namespace Affiliates.Programs;

/// <summary>Whether a click issued an attribution token, and if not, why.</summary>
public enum ClickOutcome
{
    /// <summary>The click was recorded and a token issued.</summary>
    Recorded,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>The ref is neither a code nor the owner of an active code.</summary>
    UnknownReferrer,

    /// <summary>The code is retired.</summary>
    RetiredCode,

    /// <summary>The referrer is excluded.</summary>
    ExcludedAddress,
}
