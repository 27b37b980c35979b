using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Affiliates.Chainflip.Tests.Server;

/// <summary>
/// A local Chainflip node for contract tests: JSON-RPC over a Kestrel WebSocket, serving the broker and affiliate
/// methods with the shapes and errors of chainflip-broker-rpc.md, backed by a small in-memory state chain.
/// </summary>
/// <remarks>
/// Knobs make it awkward on purpose: amounts as numbers or hex, the standalone API's error texts, a missing broker key
/// (-32601), slow answers, dropped connections, a raw frame instead of the answer.
/// </remarks>
internal sealed partial class ChainflipTestNode : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TimeSpan> delays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> drops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> rawFrames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> rawResults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string Params)> requests = new();
    private int connections;

    private ChainflipTestNode(WebApplication app)
    {
        this.app = app;
    }

    public Uri Url { get; private set; } = null!;

    public int Connections => Volatile.Read(ref connections);

    public bool BrokerKeyLoaded { get; set; } = true;

    public ErrorStyle Errors { get; set; } = ErrorStyle.Node;

    /// <summary>Gets or sets a value indicating whether amounts that fit go out as JSON numbers (as DOCS shows them) rather than hex strings.</summary>
    public bool AmountsAsNumbers { get; set; }

    public IReadOnlyList<(string Method, string Params)> Requests => [.. requests];

    public static async Task<ChainflipTestNode> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var node = new ChainflipTestNode(app);
        app.UseWebSockets();
        app.Run(node.ServeAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        node.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
        return node;
    }

    public int Count(string method) => requests.Count(r => r.Method == method);

    /// <summary>Answers <paramref name="method"/> only after <paramref name="delay"/>.</summary>
    public void Delay(string method, TimeSpan delay) => delays[method] = delay;

    /// <summary>Closes the WebSocket instead of answering the next <paramref name="times"/> calls of <paramref name="method"/> (after acting on them).</summary>
    public void DropNext(string method, int times = 1) => drops[method] = times;

    /// <summary>Sends <paramref name="frame"/> verbatim instead of the answer to the next call of <paramref name="method"/>; <c>{id}</c> is replaced by the request id.</summary>
    public void SendRawNext(string method, string frame) => rawFrames.GetOrAdd(method, _ => new()).Enqueue(frame);

    /// <summary>Answers the next call of <paramref name="method"/> with <paramref name="resultJson"/> as its result, without acting on it.</summary>
    public void AnswerNext(string method, string resultJson) => rawResults.GetOrAdd(method, _ => new()).Enqueue(resultJson);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static bool TryTake(ConcurrentDictionary<string, int> counts, string method)
    {
        while (counts.TryGetValue(method, out int left) && left > 0)
        {
            if (counts.TryUpdate(method, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        Interlocked.Increment(ref connections);
        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var sending = new SemaphoreSlim(1, 1);
        var inFlight = new List<Task>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                string? text = await ReceiveAsync(socket, closing.Token);
                if (text is null)
                {
                    break;
                }

                inFlight.Add(Task.Run(() => AnswerAsync(socket, sending, closing, text)));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        await closing.CancelAsync();
        await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AnswerAsync(WebSocket socket, SemaphoreSlim sending, CancellationTokenSource closing, string text)
    {
        JsonNode request = JsonNode.Parse(text)!;
        JsonNode? id = request["id"]?.DeepClone();
        string method = (string)request["method"]!;
        JsonNode? parameters = request["params"];
        requests.Enqueue((method, parameters?.ToJsonString() ?? "null"));
        if (id is null)
        {
            return;
        }

        string answer;
        if (rawFrames.TryGetValue(method, out ConcurrentQueue<string>? frames) && frames.TryDequeue(out string? frame))
        {
            answer = frame.Replace("{id}", id.ToJsonString(), StringComparison.Ordinal);
        }
        else if (rawResults.TryGetValue(method, out ConcurrentQueue<string>? results) && results.TryDequeue(out string? raw))
        {
            answer = $$"""{"jsonrpc":"2.0","id":{{id.ToJsonString()}},"result":{{raw}}}""";
        }
        else
        {
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id };
            try
            {
                response["result"] = Dispatch(method, parameters as JsonArray ?? Named(method, parameters));
            }
            catch (RpcFault fault)
            {
                response["error"] = new JsonObject { ["code"] = fault.Code, ["message"] = fault.Message, ["data"] = fault.Detail };
            }

            answer = response.ToJsonString();
        }

        try
        {
            if (delays.TryGetValue(method, out TimeSpan delay))
            {
                await Task.Delay(delay, closing.Token);
            }

            if (TryTake(drops, method))
            {
                socket.Abort();
                await closing.CancelAsync();
                return;
            }

            await sending.WaitAsync(closing.Token);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, endOfMessage: true, closing.Token);
            }
            finally
            {
                sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static JsonArray Named(string method, JsonNode? parameters) => parameters switch
    {
        null => [],
        JsonObject named when method == "broker_register_affiliate" => [named["withdrawal_address"]?.DeepClone()],
        JsonObject named when method is "broker_affiliate_withdrawal_request" or "broker_deregister_affiliate" => [named["affiliate_account_id"]?.DeepClone()],
        _ => throw new RpcFault(-32602, "Invalid params", "the test node takes positional params for " + method),
    };

    private static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
