namespace Affiliates.Payouts;

/// <summary>Where a transfer is on chain, as its rail reads it.</summary>
public enum TransferState
{
    /// <summary>The chain does not know it (never broadcast, or dropped) and it can still land: the dispatcher broadcasts the same bytes again.</summary>
    Unknown,

    /// <summary>The chain has it (in a mempool, or in a block that reverted nothing yet) but it is not confirmed.</summary>
    Pending,

    /// <summary>It landed and succeeded, <see cref="TransferStatus.Depth"/> blocks deep; final at the rail's confirmation depth.</summary>
    Confirmed,

    /// <summary>It landed and failed, or was refused for good: it moved no money and never will; its payouts fail and return to carry-over.</summary>
    Failed,

    /// <summary>It never landed and never can (a Solana blockhash past its last valid height, an EVM nonce final under another transaction): its lines may be sent again.</summary>
    Expired,
}
