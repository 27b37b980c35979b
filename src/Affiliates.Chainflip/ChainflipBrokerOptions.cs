namespace Affiliates.Chainflip;

/// <summary>Settings of the Chainflip broker adapter.</summary>
/// <remarks>
/// Broker writes submit an extrinsic and return once it is in a block, and opening a channel may wait for finality
/// (5 to 20 s measured), so <see cref="WriteTimeout"/> is long; reads are quick. Keep the broker endpoint private:
/// anyone who reaches it can open channels and withdraw the broker's fees.
/// </remarks>
public sealed class ChainflipBrokerOptions
{
    /// <summary>Gets or sets the node's WebSocket JSON-RPC endpoint (<c>ws://</c> or <c>wss://</c>), a node holding the broker key (default port 9944).</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>Gets or sets the broker's own account id ("cF…"), whose affiliates the adapter manages; required, since no node method names its own broker.</summary>
    public string? BrokerAccountId { get; set; }

    /// <summary>Gets or sets how long a read may take. Default 30 seconds.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a broker write (an extrinsic) may take. Default 2 minutes; at least 60 seconds is advised.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how long opening the WebSocket may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many times a read is retried on a new connection after the old one dropped. Default 2; writes are never retried here.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>Gets or sets how often to ask the node for a new affiliate's short id after registering it. Default every 2 seconds.</summary>
    public TimeSpan RegistrationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long to wait for a new affiliate to appear in <c>cf_get_affiliates</c>. Default 2 minutes.</summary>
    public TimeSpan RegistrationWait { get; set; } = TimeSpan.FromMinutes(2);
}
