using NodaTime;

namespace Affiliates.Hosting;

/// <summary>Host settings of the affiliates engine.</summary>
public sealed class AffiliatesOptions
{
    /// <summary>Gets or sets how far ahead a signed request may expire; longer-lived requests are refused. Default 1 day.</summary>
    public Duration MaxRequestLifetime { get; set; } = Duration.FromDays(1);

    /// <summary>Gets or sets the salt mixed into hashed click IP addresses. Default empty (hashes are still one-way, but linkable across hosts).</summary>
    public string IpHashSalt { get; set; } = string.Empty;

    /// <summary>Gets or sets the most events one ingest call accepts. Default 10 000.</summary>
    public int MaxEventsPerBatch { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets after how many epochs without new earnings a balance below the minimum payout is swept to the
    /// protocol as dust; <see langword="null"/> (the default) keeps it until the partner is closed.
    /// </summary>
    public int? DustAfterIdleEpochs { get; set; }
}
