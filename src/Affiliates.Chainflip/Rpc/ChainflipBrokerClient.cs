using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamJsonRpc;

namespace Affiliates.Chainflip.Rpc;

/// <summary>
/// The broker and affiliate JSON-RPC methods of a Chainflip node, over one WebSocket (StreamJsonRpc's
/// <see cref="WebSocketMessageHandler"/>), reconnected on demand.
/// </summary>
/// <remarks>
/// <para>Parameters go as positional arrays with explicit nulls (what the official SDK sends); amounts go as
/// <c>0x</c> hex, since the node reads any string as hex. Every limit this client can check (beneficiaries, vault-swap
/// limits, addresses) is checked before the request is sent.</para>
/// <para>Each call has its own timeout: <see cref="ChainflipBrokerOptions.ReadTimeout"/> for reads,
/// <see cref="ChainflipBrokerOptions.WriteTimeout"/> for broker writes. A read whose connection dropped is retried on a
/// new one; a write is not, and its <see cref="ChainflipRpcException.MayHaveExecuted"/> says so: read the chain
/// (affiliates, balances) before sending it again. Failures are <see cref="ChainflipRpcException"/>s naming the error;
/// the caller's cancellation is an <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed partial class ChainflipBrokerClient : IAsyncDisposable
{
    private readonly Uri url;
    private readonly TimeSpan readTimeout;
    private readonly TimeSpan writeTimeout;
    private readonly TimeSpan connectTimeout;
    private readonly int readRetries;
    private readonly SemaphoreSlim connecting = new(1, 1);
    private Connection? connection;
    private bool disposed;

    /// <summary>Initializes a new instance of the <see cref="ChainflipBrokerClient"/> class; nothing is connected until the first call.</summary>
    /// <param name="options">The endpoint and timeouts; copied, so later changes do not apply.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ChainflipBrokerClient(ChainflipBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Microsoft.Extensions.Options.ValidateOptionsResult result = new ChainflipBrokerOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        url = options.RpcUrl!;
        readTimeout = options.ReadTimeout;
        writeTimeout = options.WriteTimeout;
        connectTimeout = options.ConnectTimeout;
        readRetries = options.ReadRetries;
    }

    /// <summary>Closes the connection; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            disposed = true;
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            connecting.Release();
        }
    }

    private Task<JsonElement> ReadAsync(string method, JsonNode?[] parameters, CancellationToken cancellationToken) =>
        CallAsync(method, parameters, write: false, cancellationToken);

    private Task<JsonElement> WriteAsync(string method, JsonNode?[] parameters, CancellationToken cancellationToken) =>
        CallAsync(method, parameters, write: true, cancellationToken);

    private async Task<JsonElement> CallAsync(string method, JsonNode?[] parameters, bool write, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(write ? writeTimeout : readTimeout);
            Connection current;
            try
            {
                current = await ConnectAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ChainflipRpcException(ChainflipError.Timeout, method, $"could not connect to {url} within the timeout.", innerException: ex);
            }
            catch (WebSocketException ex)
            {
                if (!write && attempt < readRetries)
                {
                    continue;
                }

                throw new ChainflipRpcException(ChainflipError.ConnectionLost, method, $"could not connect to {url}: {ex.Message}", innerException: ex);
            }

            try
            {
                return await current.Rpc.InvokeWithCancellationAsync<JsonElement>(method, parameters, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw new ChainflipRpcException(
                    ChainflipError.Timeout, method, $"no answer within {(write ? writeTimeout : readTimeout)}.", mayHaveExecuted: write, innerException: ex);
            }
            catch (RemoteRpcException ex) when (ex.ErrorCode is { } code && ex is not ConnectionLostException)
            {
                string? data = ex.DeserializedErrorData is JsonElement element
                    ? element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText()
                    : null;
                (ChainflipError error, string? name) = ChainflipErrors.Classify((int)code, ex.Message, data);
                string detail = data is null ? ex.Message : $"{ex.Message} ({data})";
                throw new ChainflipRpcException(error, method, $"the node answered {(int)code}: {detail}", (int)code, name, innerException: ex);
            }
            catch (Exception ex) when (ex is RemoteRpcException or ObjectDisposedException or WebSocketException or IOException)
            {
                Drop(current);
                if (!write && attempt < readRetries)
                {
                    continue;
                }

                string why = current.DisconnectReason ?? ex.Message;
                throw new ChainflipRpcException(
                    ChainflipError.ConnectionLost, method, $"the connection closed before an answer: {why}", mayHaveExecuted: write, innerException: ex);
            }
        }
    }

    private async Task<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (connection is { IsAlive: true } alive)
        {
            return alive;
        }

        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connection is { IsAlive: true } other)
            {
                return other;
            }

            connection?.Dispose();
            connection = null;
            var socket = new ClientWebSocket();
            try
            {
                using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                connect.CancelAfter(connectTimeout);
                await socket.ConnectAsync(url, connect.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            connection = new Connection(socket, Longest(readTimeout, writeTimeout));
            return connection;
        }
        finally
        {
            connecting.Release();
        }
    }

    private void Drop(Connection dropped)
    {
        if (ReferenceEquals(Interlocked.CompareExchange(ref connection, null, dropped), dropped))
        {
            dropped.Dispose();
        }
    }

    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Connection : IDisposable
    {
        private readonly ClientWebSocket socket;

        public Connection(ClientWebSocket socket, TimeSpan longestCall)
        {
            this.socket = socket;
            Rpc = new ChainflipJsonRpc(new WebSocketMessageHandler(socket, new SystemTextJsonFormatter()))
            {
                // Nodes know no "$/cancelRequest"; a canceled call is abandoned here, and the node finishes it.
                CancellationStrategy = null,

                // With a timeout set, StreamJsonRpc stops waiting as soon as a call's token is canceled; each call's own (shorter) timeout applies first.
                OutboundRequestTimeout = longestCall + TimeSpan.FromMinutes(1),
            };
            Rpc.Disconnected += (_, e) => DisconnectReason = e.Description;
            Rpc.StartListening();
        }

        public JsonRpc Rpc { get; }

        public string? DisconnectReason { get; private set; }

        public bool IsAlive => !Rpc.IsDisposed && !Rpc.Completion.IsCompleted && socket.State == WebSocketState.Open;

        public void Dispose()
        {
            Rpc.Dispose();
            socket.Dispose();
        }
    }
}
