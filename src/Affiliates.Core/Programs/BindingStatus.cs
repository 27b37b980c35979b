namespace Affiliates.Programs;

/// <summary>Whether a user's link to a code is in force.</summary>
public enum BindingStatus
{
    /// <summary>Events of the user are attributed to the bound code.</summary>
    Active,

    /// <summary>The user removed the link (replaceable registries only); nothing is attributed through it.</summary>
    Removed,
}
