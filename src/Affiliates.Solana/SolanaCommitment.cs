namespace Affiliates.Solana;

/// <summary>How settled a Solana slot must be before a read or a confirmation counts.</summary>
public enum SolanaCommitment
{
    /// <summary>Not set; refused by option validation.</summary>
    Unknown = 0,

    /// <summary>The node's most recent slot; may still be rolled back.</summary>
    Processed,

    /// <summary>Voted on by a supermajority of the cluster; practically never rolled back.</summary>
    Confirmed,

    /// <summary>Rooted: at least 31 confirmed slots on top; final.</summary>
    Finalized,
}
