using Affiliates.Solana.Keys;

namespace Affiliates.Solana;

/// <summary>Settings of the Solana adapter.</summary>
/// <remarks>The address codec and the signature verifier need none of them; the RPC client needs <see cref="RpcUrl"/>, and payouts also need <see cref="Payer"/>.</remarks>
public sealed class SolanaOptions
{
    /// <summary>Gets or sets the JSON-RPC endpoint (HTTP or HTTPS), for example <c>https://api.mainnet-beta.solana.com</c>.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>Gets or sets the commitment of reads and confirmations. Default <see cref="SolanaCommitment.Confirmed"/>.</summary>
    public SolanaCommitment Commitment { get; set; } = SolanaCommitment.Confirmed;

    /// <summary>Gets or sets how long one RPC request may take before it is abandoned. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times an idempotent read is retried after a transient failure (timeout, HTTP 429 or 5xx). Default 3; sends are never retried here.</summary>
    public int ReadRetries { get; set; } = 3;

    /// <summary>Gets or sets the keypair that pays payouts and their fees; without it the payout rail pays nothing.</summary>
    public Keypair? Payer { get; set; }

    /// <summary>Gets or sets the payout rail's name, stored with every transfer it prepares; keep it stable. Default "solana".</summary>
    public string RailName { get; set; } = "solana";

    /// <summary>Gets or sets how many payouts go in one transaction, from 1 to <see cref="MaxPayoutsPerTransactionLimit"/>. Default 8.</summary>
    public int MaxPayoutsPerTransaction { get; set; } = 8;

    /// <summary>Gets or sets the priority fee in micro-lamports per compute unit; 0 (the default) sets none.</summary>
    public ulong ComputeUnitPrice { get; set; }

    /// <summary>Gets or sets how long the payout dispatcher waits between status reads of a payout transaction. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most payouts one transaction carries: eight token payouts, each creating its payee's token account, fill the 1 232-byte limit.</summary>
    public const int MaxPayoutsPerTransactionLimit = 8;
}
