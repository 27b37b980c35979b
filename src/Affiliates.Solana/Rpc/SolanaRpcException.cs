namespace Affiliates.Solana.Rpc;

/// <summary>Thrown when a Solana JSON-RPC call fails; <see cref="Kind"/> says how, in terms a caller acts on.</summary>
public sealed class SolanaRpcException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SolanaRpcException"/> class.</summary>
    /// <param name="method">The RPC method called.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">The endpoint's message or a description of the failure.</param>
    /// <param name="code">The JSON-RPC error code, when the endpoint gave one.</param>
    /// <param name="transactionError">The transaction error as JSON (<c>"BlockhashNotFound"</c>, <c>{"InstructionError":[0,{"Custom":1}]}</c>), when there is one.</param>
    /// <param name="logs">The program logs of a failed simulation.</param>
    /// <param name="innerException">The transport failure, if any.</param>
    public SolanaRpcException(string method, SolanaRpcErrorKind kind, string message, int? code = null, string? transactionError = null, IReadOnlyList<string>? logs = null, Exception? innerException = null)
        : base($"Solana RPC {method} failed ({kind}{(code is { } c ? $", code {c}" : "")}): {message}", innerException)
    {
        Method = method;
        Kind = kind;
        Code = code;
        TransactionError = transactionError;
        Logs = logs ?? [];
    }

    /// <summary>Gets the RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>Gets what went wrong.</summary>
    public SolanaRpcErrorKind Kind { get; }

    /// <summary>Gets the JSON-RPC error code, if the endpoint gave one.</summary>
    public int? Code { get; }

    /// <summary>Gets the transaction error as JSON text, if there is one.</summary>
    public string? TransactionError { get; }

    /// <summary>Gets the program logs of a failed simulation (empty if none).</summary>
    public IReadOnlyList<string> Logs { get; }

    /// <summary>Gets a value indicating whether the same call may succeed if repeated later (transport, rate limit, unhealthy node).</summary>
    public bool IsTransient => Kind is SolanaRpcErrorKind.Transport or SolanaRpcErrorKind.RateLimited or SolanaRpcErrorKind.NodeUnhealthy;
}
