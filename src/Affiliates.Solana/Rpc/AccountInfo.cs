using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Rpc;

/// <summary>An account as <c>getAccountInfo</c> returns it (base64 data decoded).</summary>
internal sealed record AccountInfo(ulong Lamports, PublicKey Owner, byte[] Data, bool Executable, ulong RentEpoch);
