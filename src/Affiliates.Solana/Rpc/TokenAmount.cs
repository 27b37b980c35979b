namespace Affiliates.Solana.Rpc;

/// <summary>A token account's balance in base units, with its mint's decimals.</summary>
internal readonly record struct TokenAmount(ulong Amount, byte Decimals);
