namespace Affiliates.Chainflip.Rpc;

/// <summary>A Chainflip JSON-RPC call failed: the error by name, the JSON-RPC code and the method.</summary>
public sealed class ChainflipRpcException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ChainflipRpcException"/> class.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="method">The JSON-RPC method called.</param>
    /// <param name="message">What the node or the client said.</param>
    /// <param name="code">The JSON-RPC error code, when the node answered with an error.</param>
    /// <param name="errorName">The chain's error name (for example <c>NoFundsAvailable</c>), when the answer carries one.</param>
    /// <param name="mayHaveExecuted">Whether a write may have taken effect although no result arrived.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ChainflipRpcException(
        ChainflipError error,
        string method,
        string message,
        int? code = null,
        string? errorName = null,
        bool mayHaveExecuted = false,
        Exception? innerException = null)
        : base($"{method}: {message}", innerException)
    {
        Error = error;
        Method = method;
        Code = code;
        ErrorName = errorName;
        MayHaveExecuted = mayHaveExecuted;
    }

    /// <summary>Gets what went wrong.</summary>
    public ChainflipError Error { get; }

    /// <summary>Gets the JSON-RPC method called.</summary>
    public string Method { get; }

    /// <summary>Gets the JSON-RPC error code, or null when the node sent no error object.</summary>
    public int? Code { get; }

    /// <summary>Gets the chain's error name, when the answer carries one.</summary>
    public string? ErrorName { get; }

    /// <summary>Gets a value indicating whether a write (an extrinsic) may have taken effect although no result arrived: read the chain before retrying.</summary>
    public bool MayHaveExecuted { get; }
}
