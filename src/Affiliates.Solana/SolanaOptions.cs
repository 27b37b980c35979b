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

    /// <summary>Gets or sets the keypair that pays payouts and their fees; required for payouts.</summary>
    public Keypair? Payer { get; set; }
}
