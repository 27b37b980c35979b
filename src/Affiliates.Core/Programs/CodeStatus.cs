namespace Affiliates.Programs;

/// <summary>The lifecycle of a partner code.</summary>
public enum CodeStatus
{
    /// <summary>The code attributes users and earns.</summary>
    Active,

    /// <summary>The code no longer attributes anyone; after the cool-down it may be created again as a new generation.</summary>
    Retired,
}
