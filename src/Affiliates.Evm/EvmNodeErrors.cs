using Nethereum.JsonRpc.Client;

namespace Affiliates.Evm;

/// <summary>Reads node error objects by substring, as node software words them differently (geth, Anvil, Nethermind, providers).</summary>
internal static class EvmNodeErrors
{
    public static bool IsRevert(RpcError? error) =>
        error is not null && (error.Code == 3 || Has(error, "revert"));

    public static bool Has(RpcError? error, string text) =>
        error?.Message is { } message && message.Contains(text, StringComparison.OrdinalIgnoreCase);
}
