namespace Affiliates.Programs;

/// <summary>What happened when an epoch was asked to settle.</summary>
public enum SettlementOutcome
{
    /// <summary>The epoch was settled now; its statements and payout intents were stored.</summary>
    Settled,

    /// <summary>The epoch had been settled before (perhaps by another worker); the stored statements are returned unchanged.</summary>
    AlreadySettled,

    /// <summary>The epoch has not ended yet, so it cannot be settled.</summary>
    EpochNotEnded,

    /// <summary>No registry has that id.</summary>
    UnknownRegistry,

    /// <summary>An earlier epoch is still open: epochs settle strictly in order. <see cref="SettlementResult.OpenEpoch"/> names it.</summary>
    EarlierEpochOpen,

    /// <summary>The epoch ended before the registry's first epoch (the one it was created in, <see cref="SettlementResult.OpenEpoch"/>).</summary>
    BeforeFirstEpoch,
}
