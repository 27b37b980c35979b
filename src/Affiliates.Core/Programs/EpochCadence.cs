namespace Affiliates.Programs;

/// <summary>The calendar a registry settles on; every epoch boundary is at 00:00 UTC.</summary>
public enum EpochCadence
{
    /// <summary>Weeks starting Sunday 00:00 UTC.</summary>
    WeeklySunday,

    /// <summary>Calendar months starting on the 1st, 00:00 UTC.</summary>
    Monthly,
}
