using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Rpc;

/// <summary>The Solana JSON-RPC methods the adapter uses, over HTTP POST.</summary>
/// <remarks>
/// Shaped after Solnet's <c>IRpcClient</c>. Reads are idempotent and retried after transient failures (transport
/// errors, timeouts, HTTP 429 and 5xx, an unhealthy node) with exponential backoff; <c>sendTransaction</c> is never
/// retried here, because the payout dispatcher decides when the same bytes go out again. Errors become a
/// <see cref="SolanaRpcException"/> whose kind names the case (blockhash not found, already processed, insufficient
/// funds, ...). Amounts are read as <see cref="ulong"/>, never through floating point.
/// </remarks>
internal sealed class SolanaRpcClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Func<HttpClient> httpClient;
    private readonly string commitment;
    private readonly TimeSpan timeout;
    private readonly int readRetries;
    private readonly TimeSpan firstBackoff;
    private long nextId;

    public SolanaRpcClient(Func<HttpClient> httpClient, Uri endpoint, SolanaCommitment commitment = SolanaCommitment.Confirmed, TimeSpan? timeout = null, int readRetries = 3, TimeSpan? firstBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        this.httpClient = httpClient;
        Endpoint = endpoint;
        Commitment = commitment;
        this.commitment = CommitmentText(commitment);
        this.timeout = timeout ?? TimeSpan.FromSeconds(30);
        this.readRetries = readRetries;
        this.firstBackoff = firstBackoff ?? TimeSpan.FromMilliseconds(200);
    }

    public Uri Endpoint { get; }

    public SolanaCommitment Commitment { get; }

    public async Task<LatestBlockhash> GetLatestBlockhashAsync(CancellationToken cancellationToken = default)
    {
        JsonElement value = Value(await ReadAsync("getLatestBlockhash", w => WriteConfig(w), cancellationToken).ConfigureAwait(false), "getLatestBlockhash");
        return new LatestBlockhash(
            Str(value, "blockhash", "getLatestBlockhash"),
            U64(value, "lastValidBlockHeight", "getLatestBlockhash"));
    }

    /// <summary>Returns the block height at the client's commitment, or at <paramref name="at"/> when given (expiry is judged at finalized).</summary>
    public async Task<ulong> GetBlockHeightAsync(SolanaCommitment? at = null, CancellationToken cancellationToken = default)
    {
        string level = at is { } wanted ? CommitmentText(wanted) : commitment;
        JsonElement result = await ReadAsync("getBlockHeight", w => { w.WriteStartObject(); w.WriteString("commitment", level); w.WriteEndObject(); }, cancellationToken).ConfigureAwait(false);
        return result.TryGetUInt64(out ulong height) ? height : throw Malformed("getBlockHeight", "the block height is not a u64");
    }

    public async Task<ulong> GetBalanceAsync(PublicKey account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        JsonElement value = Value(await ReadAsync("getBalance", w => { w.WriteStringValue(account.Key); WriteConfig(w); }, cancellationToken).ConfigureAwait(false), "getBalance");
        return value.TryGetUInt64(out ulong lamports) ? lamports : throw Malformed("getBalance", "the balance is not a u64");
    }

    public async Task<AccountInfo?> GetAccountInfoAsync(PublicKey account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        const string method = "getAccountInfo";
        JsonElement value = Value(await ReadAsync(method, w => { w.WriteStringValue(account.Key); WriteConfig(w, encoding: "base64"); }, cancellationToken).ConfigureAwait(false), method);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        JsonElement data = Prop(value, "data", method);
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() != 2 || data[1].GetString() != "base64")
        {
            throw Malformed(method, "data is not [\"<base64>\", \"base64\"]");
        }

        return new AccountInfo(
            U64(value, "lamports", method),
            Key(Str(value, "owner", method), method),
            Base64(data[0].GetString(), method),
            Prop(value, "executable", method).ValueKind == JsonValueKind.True,
            OptU64(value, "rentEpoch") ?? 0);
    }

    public async Task<TokenAmount> GetTokenAccountBalanceAsync(PublicKey tokenAccount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenAccount);
        const string method = "getTokenAccountBalance";
        JsonElement value = Value(await ReadAsync(method, w => { w.WriteStringValue(tokenAccount.Key); WriteConfig(w); }, cancellationToken).ConfigureAwait(false), method);
        string amount = Str(value, "amount", method);
        if (!ulong.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong units))
        {
            throw Malformed(method, $"amount '{amount}' is not a u64");
        }

        return Prop(value, "decimals", method).TryGetByte(out byte decimals)
            ? new TokenAmount(units, decimals)
            : throw Malformed(method, "decimals is not a byte");
    }

    public async Task<ulong> GetMinimumBalanceForRentExemptionAsync(int dataLength, CancellationToken cancellationToken = default)
    {
        JsonElement result = await ReadAsync("getMinimumBalanceForRentExemption", w => { w.WriteNumberValue(dataLength); WriteConfig(w); }, cancellationToken).ConfigureAwait(false);
        return result.TryGetUInt64(out ulong lamports) ? lamports : throw Malformed("getMinimumBalanceForRentExemption", "not a u64");
    }

    /// <summary>Sends a signed transaction (base64, with preflight); returns its signature. Never retried here.</summary>
    public async Task<string> SendTransactionAsync(byte[] transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        JsonElement result = await CallAsync(
            "sendTransaction",
            w =>
            {
                w.WriteStringValue(Convert.ToBase64String(transaction));
                w.WriteStartObject();
                w.WriteString("encoding", "base64");
                w.WriteBoolean("skipPreflight", false);
                w.WriteString("preflightCommitment", commitment);
                w.WriteNumber("maxRetries", 0);
                w.WriteEndObject();
            },
            retries: 0,
            cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String ? result.GetString()! : throw Malformed("sendTransaction", "the result is not a signature");
    }

    public async Task<SimulationResult> SimulateTransactionAsync(byte[] transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        const string method = "simulateTransaction";
        JsonElement value = Value(
            await ReadAsync(
                method,
                w =>
                {
                    w.WriteStringValue(Convert.ToBase64String(transaction));
                    w.WriteStartObject();
                    w.WriteString("encoding", "base64");
                    w.WriteString("commitment", commitment);
                    w.WriteBoolean("sigVerify", false);
                    w.WriteBoolean("replaceRecentBlockhash", false);
                    w.WriteEndObject();
                },
                cancellationToken).ConfigureAwait(false),
            method);
        return new SimulationResult(
            TransactionErrors.Text(value.TryGetProperty("err", out JsonElement err) ? err : default),
            Logs(value, "logs"),
            OptU64(value, "unitsConsumed"));
    }

    /// <summary>Returns one status per signature (at most 256), null where the cluster does not know it.</summary>
    public async Task<IReadOnlyList<SignatureStatus?>> GetSignatureStatusesAsync(IReadOnlyList<string> signatures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(signatures.Count, 256);
        const string method = "getSignatureStatuses";
        JsonElement value = Value(
            await ReadAsync(
                method,
                w =>
                {
                    w.WriteStartArray();
                    foreach (string signature in signatures)
                    {
                        w.WriteStringValue(signature);
                    }

                    w.WriteEndArray();
                    w.WriteStartObject();
                    w.WriteBoolean("searchTransactionHistory", true);
                    w.WriteEndObject();
                },
                cancellationToken).ConfigureAwait(false),
            method);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != signatures.Count)
        {
            throw Malformed(method, $"expected {signatures.Count} statuses");
        }

        return [.. value.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Null ? null : new SignatureStatus(
            U64(s, "slot", method),
            OptU64(s, "confirmations"),
            TransactionErrors.Text(s.TryGetProperty("err", out JsonElement e) ? e : default),
            ParseCommitment(s.TryGetProperty("confirmationStatus", out JsonElement cs) ? cs.GetString() : null)))];
    }

    /// <summary>Returns the landed transaction, or null while the cluster does not have it at the client's commitment.</summary>
    public async Task<ConfirmedTransaction?> GetTransactionAsync(string signature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signature);
        const string method = "getTransaction";
        JsonElement result = await ReadAsync(
            method,
            w =>
            {
                w.WriteStringValue(signature);
                w.WriteStartObject();
                w.WriteString("encoding", "base64");
                w.WriteString("commitment", Commitment == SolanaCommitment.Processed ? "confirmed" : commitment);
                w.WriteNumber("maxSupportedTransactionVersion", 0);
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        JsonElement wire = Prop(result, "transaction", method);
        if (wire.ValueKind != JsonValueKind.Array || wire.GetArrayLength() != 2 || wire[1].GetString() != "base64")
        {
            throw Malformed(method, "transaction is not [\"<base64>\", \"base64\"]");
        }

        Transaction transaction;
        try
        {
            transaction = Transaction.Deserialize(Base64(wire[0].GetString(), method));
        }
        catch (FormatException e)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.MalformedResponse, $"the transaction cannot be read: {e.Message}", innerException: e);
        }

        JsonElement meta = Prop(result, "meta", method);
        return new ConfirmedTransaction(
            U64(result, "slot", method),
            OptI64(result, "blockTime"),
            transaction,
            TransactionErrors.Text(meta.TryGetProperty("err", out JsonElement err) ? err : default),
            U64(meta, "fee", method),
            U64s(meta, "preBalances", method),
            U64s(meta, "postBalances", method));
    }

    /// <summary>Returns the signatures of transactions that touched <paramref name="address"/>, newest first.</summary>
    public async Task<IReadOnlyList<SignatureInfo>> GetSignaturesForAddressAsync(PublicKey address, int limit = 1000, string? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        const string method = "getSignaturesForAddress";
        JsonElement result = await ReadAsync(
            method,
            w =>
            {
                w.WriteStringValue(address.Key);
                w.WriteStartObject();
                w.WriteNumber("limit", limit);
                if (before is not null)
                {
                    w.WriteString("before", before);
                }

                w.WriteString("commitment", Commitment == SolanaCommitment.Processed ? "confirmed" : commitment);
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(method, "the result is not an array");
        }

        return [.. result.EnumerateArray().Select(s => new SignatureInfo(
            Str(s, "signature", method),
            U64(s, "slot", method),
            TransactionErrors.Text(s.TryGetProperty("err", out JsonElement e) ? e : default),
            s.TryGetProperty("memo", out JsonElement memo) && memo.ValueKind == JsonValueKind.String ? memo.GetString() : null,
            OptI64(s, "blockTime"),
            ParseCommitment(s.TryGetProperty("confirmationStatus", out JsonElement cs) ? cs.GetString() : null)))];
    }

    public async Task<string> RequestAirdropAsync(PublicKey account, ulong lamports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        JsonElement result = await CallAsync("requestAirdrop", w => { w.WriteStringValue(account.Key); w.WriteNumberValue(lamports); WriteConfig(w); }, retries: 0, cancellationToken).ConfigureAwait(false);
        return result.GetString() ?? throw Malformed("requestAirdrop", "the result is not a signature");
    }

    /// <summary>Calls any method with raw JSON parameters; for test controls and methods this client does not wrap.</summary>
    public Task<JsonElement> CallRawAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken = default) =>
        CallAsync(method, writeParams, retries: 0, cancellationToken);

    internal static string CommitmentText(SolanaCommitment commitment) => commitment switch
    {
        SolanaCommitment.Processed => "processed",
        SolanaCommitment.Confirmed => "confirmed",
        SolanaCommitment.Finalized => "finalized",
        _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Commitment must be Processed, Confirmed or Finalized."),
    };

    private static SolanaCommitment ParseCommitment(string? text) => text switch
    {
        "processed" => SolanaCommitment.Processed,
        "confirmed" => SolanaCommitment.Confirmed,
        "finalized" => SolanaCommitment.Finalized,
        _ => SolanaCommitment.Unknown,
    };

    private void WriteConfig(Utf8JsonWriter writer, string? encoding = null)
    {
        writer.WriteStartObject();
        writer.WriteString("commitment", commitment);
        if (encoding is not null)
        {
            writer.WriteString("encoding", encoding);
        }

        writer.WriteEndObject();
    }

    private Task<JsonElement> ReadAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken) =>
        CallAsync(method, writeParams, readRetries, cancellationToken);

    private async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeParams, int retries, CancellationToken cancellationToken)
    {
        byte[] body = Request(method, writeParams);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(method, body, cancellationToken).ConfigureAwait(false);
            }
            catch (SolanaRpcException e) when (e.IsTransient && attempt < retries)
            {
                await Task.Delay(firstBackoff * (1 << attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private byte[] Request(string method, Action<Utf8JsonWriter> writeParams)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", Interlocked.Increment(ref nextId));
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            writeParams(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<JsonElement> SendOnceAsync(string method, byte[] body, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        byte[] answer;
        HttpStatusCode status;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using HttpResponseMessage response = await httpClient().PostAsync(Endpoint, content, deadline.Token).ConfigureAwait(false);
            status = response.StatusCode;
            answer = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.Transport, $"no answer from {Endpoint} within {timeout.TotalSeconds:0.#} s", innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.Transport, $"{Endpoint} could not be reached: {e.Message}", innerException: e);
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.RateLimited, $"{Endpoint} answered HTTP 429 (too many requests)");
        }

        if ((int)status >= 400 && !IsJson(answer))
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.Transport, $"{Endpoint} answered HTTP {(int)status}");
        }

        using JsonDocument document = Parse(method, answer);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, "the answer is not a JSON-RPC object");
        }

        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
        {
            throw ErrorFrom(method, error);
        }

        return root.TryGetProperty("result", out JsonElement result) ? result.Clone() : throw Malformed(method, "the answer has neither result nor error");
    }

    private static bool IsJson(byte[] answer) => answer.Length > 0 && (answer[0] == (byte)'{' || answer[0] == (byte)'[');

    private static JsonDocument Parse(string method, byte[] answer)
    {
        try
        {
            return JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.MalformedResponse, $"the answer is not JSON: {e.Message}", innerException: e);
        }
    }

    // Some endpoints answer "error": "<text>" instead of an object; both are read.
    private static SolanaRpcException ErrorFrom(string method, JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return new SolanaRpcException(method, SolanaRpcErrorKind.Other, error.GetString() ?? "");
        }

        int? code = error.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int n) ? n : null;
        string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "" : "";
        JsonElement data = error.TryGetProperty("data", out JsonElement d) ? d : default;
        JsonElement transactionError = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("err", out JsonElement e) ? e : default;
        SolanaRpcErrorKind kind = code switch
        {
            -32002 when transactionError.ValueKind != JsonValueKind.Undefined => TransactionErrors.Classify(transactionError),
            -32002 => SolanaRpcErrorKind.PreflightFailure,
            -32003 => SolanaRpcErrorKind.SignatureVerification,
            -32005 => SolanaRpcErrorKind.NodeUnhealthy,
            -32600 or -32601 or -32602 => SolanaRpcErrorKind.InvalidRequest,
            _ => SolanaRpcErrorKind.Other,
        };
        return new SolanaRpcException(method, kind, message, code, TransactionErrors.Text(transactionError), data.ValueKind == JsonValueKind.Object ? Logs(data, "logs") : []);
    }

    private static IReadOnlyList<string> Logs(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement logs) && logs.ValueKind == JsonValueKind.Array
            ? [.. logs.EnumerateArray().Select(l => l.GetString() ?? "")]
            : [];

    private static JsonElement Value(JsonElement result, string method) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("value", out JsonElement value) ? value : throw Malformed(method, "the result has no value");

    private static JsonElement Prop(JsonElement element, string name, string method) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value : throw Malformed(method, $"'{name}' is missing");

    private static string Str(JsonElement element, string name, string method) =>
        Prop(element, name, method) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Malformed(method, $"'{name}' is not a string");

    private static ulong U64(JsonElement element, string name, string method) =>
        Prop(element, name, method).TryGetUInt64(out ulong value) ? value : throw Malformed(method, $"'{name}' is not a u64");

    private static ulong? OptU64(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong number) ? number : null;

    private static long? OptI64(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : null;

    private static ulong[] U64s(JsonElement element, string name, string method)
    {
        JsonElement array = Prop(element, name, method);
        return array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(v => v.TryGetUInt64(out ulong u) ? u : throw Malformed(method, $"'{name}' holds a value that is not a u64"))]
            : throw Malformed(method, $"'{name}' is not an array");
    }

    private static PublicKey Key(string text, string method) =>
        PublicKey.TryParse(text, out PublicKey? key) ? key : throw Malformed(method, $"'{text}' is not a public key");

    private static byte[] Base64(string? text, string method)
    {
        try
        {
            return Convert.FromBase64String(text ?? "");
        }
        catch (FormatException e)
        {
            throw new SolanaRpcException(method, SolanaRpcErrorKind.MalformedResponse, "data is not base64", innerException: e);
        }
    }

    private static SolanaRpcException Malformed(string method, string what) => new(method, SolanaRpcErrorKind.MalformedResponse, what);
}
