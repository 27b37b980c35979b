namespace Affiliates.Solana.Rpc;

/// <summary>What <c>simulateTransaction</c> found: the error (JSON) or null, the logs, and the compute units used.</summary>
internal sealed record SimulationResult(string? Error, IReadOnlyList<string> Logs, ulong? UnitsConsumed);
