using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Affiliates.Chainflip.Rpc;

/// <summary>A <see cref="JsonRpc"/> that keeps an error's <c>data</c> as raw JSON: jsonrpsee puts a plain string there, which StreamJsonRpc's default shape would drop.</summary>
internal sealed class ChainflipJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override Type? GetErrorDetailsDataType(JsonRpcError error) => typeof(JsonElement);
}
