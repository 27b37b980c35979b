using Affiliates.Chainflip.Rpc;
using Affiliates.Chainflip.Tests.Server;

namespace Affiliates.Chainflip.Tests.Rpc;

/// <summary>Each test gets its own local node and a client of it.</summary>
public abstract class NodeTest : IAsyncLifetime
{
    internal const string Alice = "0x3499b9b27ec38fe019299498958c451d294f6b5e";
    internal const string Bob = "0xa646ff46ce321cf4259caa01bcc71b54a333532c";

    private readonly List<ChainflipBrokerClient> clients = [];

    internal ChainflipTestNode Node { get; private set; } = null!;

    internal ChainflipBrokerClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await ChainflipTestNode.StartAsync();
        Client = NewClient();
    }

    public async Task DisposeAsync()
    {
        foreach (ChainflipBrokerClient client in clients)
        {
            await client.DisposeAsync();
        }

        await Node.DisposeAsync();
    }

    internal ChainflipBrokerClient NewClient(Action<ChainflipBrokerOptions>? configure = null)
    {
        var options = new ChainflipBrokerOptions { RpcUrl = Node.Url, BrokerAccountId = Node.Broker.Address, ReadTimeout = TimeSpan.FromSeconds(10), WriteTimeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        var client = new ChainflipBrokerClient(options);
        clients.Add(client);
        return client;
    }
}
