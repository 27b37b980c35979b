namespace Affiliates.Rewards;

/// <summary>How a claim ended.</summary>
public enum ClaimStatus
{
    /// <summary>The surplus was paid; the participant stays in the program.</summary>
    Paid,

    /// <summary>Nothing was paid: the balance does not exceed the locked minimum.</summary>
    NothingAboveLockedMinimum,

    /// <summary>The whole balance was paid and the participant left the program.</summary>
    Exited,

    /// <summary>Nothing was paid: the participant had already left the program.</summary>
    AlreadyLeft,
}
