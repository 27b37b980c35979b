namespace Affiliates.Chainflip.Tests.Server;

/// <summary>A JSON-RPC error object the test node answers with.</summary>
internal sealed class RpcFault(int code, string message, string? data = null) : Exception(message)
{
    public int Code { get; } = code;

    public string? Detail { get; } = data;
}
