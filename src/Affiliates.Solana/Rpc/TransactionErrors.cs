using System.Text.Json;

namespace Affiliates.Solana.Rpc;

/// <summary>Reads Solana's TransactionError JSON (<c>"BlockhashNotFound"</c>, <c>{"InstructionError":[0,{"Custom":1}]}</c>) into an error kind.</summary>
internal static class TransactionErrors
{
    // System's ResultWithNegativeLamports and SPL Token's InsufficientFunds are both custom error 1.
    private const int CustomInsufficientFunds = 1;

    public static SolanaRpcErrorKind Classify(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString() switch
            {
                "BlockhashNotFound" => SolanaRpcErrorKind.BlockhashNotFound,
                "AlreadyProcessed" => SolanaRpcErrorKind.AlreadyProcessed,
                "InsufficientFundsForFee" or "AccountNotFound" or "InvalidAccountForFee" => SolanaRpcErrorKind.InsufficientFunds,
                "SignatureFailure" or "MissingSignatureForFee" => SolanaRpcErrorKind.SignatureVerification,
                _ => SolanaRpcErrorKind.PreflightFailure,
            };
        }

        if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("InsufficientFundsForRent", out JsonElement rent))
            {
                bool payer = rent.ValueKind == JsonValueKind.Object && rent.TryGetProperty("account_index", out JsonElement index)
                    && index.ValueKind == JsonValueKind.Number && index.GetInt32() == 0;
                return payer ? SolanaRpcErrorKind.InsufficientFunds : SolanaRpcErrorKind.InsufficientFundsForRent;
            }

            if (error.TryGetProperty("InstructionError", out JsonElement instruction)
                && instruction.ValueKind == JsonValueKind.Array
                && instruction.GetArrayLength() == 2)
            {
                JsonElement detail = instruction[1];
                bool insufficient = (detail.ValueKind == JsonValueKind.String && detail.GetString() == "InsufficientFunds")
                    || (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("Custom", out JsonElement custom)
                        && custom.TryGetInt64(out long code) && code == CustomInsufficientFunds);
                if (insufficient)
                {
                    return SolanaRpcErrorKind.InsufficientFunds;
                }
            }
        }

        return SolanaRpcErrorKind.PreflightFailure;
    }

    public static string? Text(JsonElement element) =>
        element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element.GetRawText();
}
