namespace Affiliates.Programs;

/// <summary>Whether a referred user may change who referred them.</summary>
public enum BindingPolicy
{
    /// <summary>The first code a user converts with is theirs forever; later codes are refused.</summary>
    FirstTouchPermanent,

    /// <summary>The user may replace or remove their linked code.</summary>
    Replaceable,
}
