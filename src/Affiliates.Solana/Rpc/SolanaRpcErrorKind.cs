namespace Affiliates.Solana.Rpc;

/// <summary>What went wrong in a Solana JSON-RPC call, in the terms a caller acts on.</summary>
public enum SolanaRpcErrorKind
{
    /// <summary>Not set; never reported.</summary>
    Unknown = 0,

    /// <summary>The endpoint could not be reached, timed out, or answered with an HTTP error other than 429.</summary>
    Transport,

    /// <summary>The endpoint answered HTTP 429: too many requests.</summary>
    RateLimited,

    /// <summary>The node is behind the cluster (-32005).</summary>
    NodeUnhealthy,

    /// <summary>The request's parameters were refused (-32602), or the method is not served (-32601).</summary>
    InvalidRequest,

    /// <summary>The transaction's blockhash is unknown or expired: it can never land with these bytes.</summary>
    BlockhashNotFound,

    /// <summary>The very same transaction has already landed.</summary>
    AlreadyProcessed,

    /// <summary>The payer cannot pay the fee or a transfer (including a payer account that does not exist).</summary>
    InsufficientFunds,

    /// <summary>An account other than the payer would be left holding less than the rent-exempt minimum (a SOL transfer too small to open a new account).</summary>
    InsufficientFundsForRent,

    /// <summary>A signature does not verify (-32003).</summary>
    SignatureVerification,

    /// <summary>Simulation before sending failed for another reason (-32002); <see cref="SolanaRpcException.TransactionError"/> says which.</summary>
    PreflightFailure,

    /// <summary>The answer was not what the method documents.</summary>
    MalformedResponse,

    /// <summary>Any other JSON-RPC error object.</summary>
    Other,
}
