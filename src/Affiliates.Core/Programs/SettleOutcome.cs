namespace Affiliates.Programs;

/// <summary>Whether an epoch was settled, and if not, why.</summary>
public enum SettleOutcome
{
    /// <summary>The epoch's statements and payout intents were computed and stored.</summary>
    Settled,

    /// <summary>The registry does not exist.</summary>
    UnknownRegistry,

    /// <summary>The epoch has not ended yet.</summary>
    EpochNotOver,

    /// <summary>The epoch was settled before; nothing was written.</summary>
    AlreadySettled,
}
