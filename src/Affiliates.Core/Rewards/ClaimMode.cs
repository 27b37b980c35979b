namespace Affiliates.Rewards;

/// <summary>What a participant asks for when claiming.</summary>
public enum ClaimMode
{
    /// <summary>Claim the balance above the locked minimum (all of it when there is none) and stay in the program.</summary>
    Surplus,

    /// <summary>Claim the whole balance and leave the program: no further rewards.</summary>
    Exit,
}
