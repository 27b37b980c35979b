using System.Runtime.CompilerServices;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;
using Npgsql;
using static Affiliates.PostgreSql.PostgreSqlRows;

namespace Affiliates.PostgreSql;

/// <summary>Buffers writes and applies them in one transaction at commit: the other writes in call order, then the
/// events. A write whose guarded statement touches no row is a conflict and rolls everything back.</summary>
internal sealed class PostgreSqlUnitOfWork(PostgreSqlAffiliateStore store) : IAffiliateUnitOfWork
{
    // A deadlock between two units touching the same keys in different orders aborts one of them; its writes are
    // still buffered, so it is simply run again.
    private const int MaxAttempts = 3;

    private const string ReplaceExpectedBinding = """
        UPDATE bindings SET code = $4, code_generation = $5, terms_version = $6, status = $7, bound_at = $8
        WHERE registry_id = $1 AND user_address = $2 AND scope = $3
          AND code = $9 AND code_generation = $10 AND terms_version = $11 AND status = $12 AND bound_at = $13
        """;

    private static readonly string InsertRegistry = $"INSERT INTO registries ({RegistryColumns}) VALUES ({Placeholders(RegistryColumns)}) ON CONFLICT DO NOTHING";
    private static readonly string UpdateRegistry = CompareAndSet("registries", RegistryColumns, "registry_id");
    private static readonly string InsertTerms = $"INSERT INTO program_terms ({TermsColumns}) VALUES ({Placeholders(TermsColumns)}) ON CONFLICT DO NOTHING";
    private static readonly string InsertCode = $"INSERT INTO partner_codes ({CodeColumns}) VALUES ({Placeholders(CodeColumns)}) ON CONFLICT DO NOTHING";
    private static readonly string UpdateCode = CompareAndSet("partner_codes", CodeColumns, "registry_id, code, generation");
    private static readonly string UpsertBinding = Upsert("bindings", BindingColumns, "registry_id, user_address, scope");
    private static readonly string InsertNewBinding = $"INSERT INTO bindings ({BindingColumns}) VALUES ({Placeholders(BindingColumns)}) ON CONFLICT DO NOTHING";
    private static readonly string UpsertClick = Upsert("attribution_clicks", ClickColumns, "token");
    private static readonly string InsertStatement = $"INSERT INTO epoch_statements ({StatementColumns}) VALUES ({Placeholders(StatementColumns)})";
    private static readonly string InsertPayout = $"INSERT INTO payout_intents ({PayoutColumns}) VALUES ({Placeholders(PayoutColumns)})";
    private static readonly string UpdatePayout =
        $"UPDATE payout_intents SET ({PayoutColumns}) = ({Placeholders(PayoutColumns)}) WHERE payout_id = $1 AND version = ${Count(PayoutColumns) + 1}";

    private readonly List<Write> writes = [];
    private readonly List<(ProgramEvent Event, LedgerEntry[] Entries)> events = [];
    private readonly HashSet<(string RegistryId, string EventId)> mustBeNewEvents = [];
    private bool finished;

    public void SaveRegistry(Registry registry) => Buffer(Required(registry).Version == 1
        ? new Write(InsertRegistry, Values(registry), StoreConflict.RegistryTaken, registry.Id)
        : new Write(UpdateRegistry, Values(registry), StoreConflict.RegistryChanged, registry.Id));

    public void SaveTerms(ProgramTerms terms) =>
        Buffer(new Write(InsertTerms, Values(Required(terms)), StoreConflict.TermsVersionExists, $"{terms.RegistryId}/{terms.Version}"));

    public void SaveCode(PartnerCode code) => Buffer(Required(code).Version == 1
        ? new Write(InsertCode, Values(code), StoreConflict.CodeTaken, $"{code.RegistryId}/{code.Code}/{code.Generation}")
        : new Write(UpdateCode, Values(code), StoreConflict.CodeChanged, $"{code.RegistryId}/{code.Code}/{code.Generation}"));

    public void SaveBinding(Binding binding) => Buffer(new Write(UpsertBinding, Values(Required(binding))));

    public void ReplaceBinding(Binding binding, Binding? expected)
    {
        string key = $"{Required(binding).RegistryId}/{binding.UserAddress}/{binding.Scope}";
        Buffer(expected is null
            ? new Write(InsertNewBinding, Values(binding), StoreConflict.BindingChanged, key)
            : new Write(
                ReplaceExpectedBinding,
                [.. Values(binding), expected.Code, expected.CodeGeneration, expected.TermsVersion, (short)expected.Status, PostgreSqlValues.Ticks(expected.BoundAt)],
                StoreConflict.BindingChanged,
                key));
    }

    public void SaveClick(AttributionClick click) => Buffer(new Write(UpsertClick, Values(Required(click))));

    public void ConsumeNonce(string signer, string nonce, Instant expiresAt) => Buffer(new Write(
        "INSERT INTO nonces (signer, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [Required(signer), Required(nonce), PostgreSqlValues.Ticks(expiresAt)],
        StoreConflict.NonceUsed,
        $"{signer}/{nonce}"));

    public void ForgetNonces(Instant expiredBefore) =>
        Buffer(new Write("DELETE FROM nonces WHERE expires_at < $1", [PostgreSqlValues.Ticks(expiredBefore)]));

    /// <exception cref="ArgumentException">An entry belongs to another registry, event or time than the event.</exception>
    public void AppendEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries) => Append(programEvent, entries, mustBeNew: false);

    /// <exception cref="ArgumentException">An entry belongs to another registry, event or time than the event.</exception>
    public void AppendNewEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries) => Append(programEvent, entries, mustBeNew: true);

    private void Append(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries, bool mustBeNew)
    {
        ArgumentNullException.ThrowIfNull(programEvent);
        ArgumentNullException.ThrowIfNull(entries);
        ObjectDisposedException.ThrowIf(finished, this);
        foreach (LedgerEntry entry in entries)
        {
            // The ledger's key takes registry, time and event id from the event, so they must agree.
            if (entry.RegistryId != programEvent.RegistryId || entry.EventId != programEvent.Id || entry.OccurredAt != programEvent.OccurredAt)
            {
                throw new ArgumentException(
                    $"Entry {entry.EventId}/{entry.Sequence} does not carry the registry, id and time of event {programEvent.Id}.",
                    nameof(entries));
            }
        }

        events.Add((programEvent, [.. entries]));
        if (mustBeNew)
        {
            mustBeNewEvents.Add((programEvent.RegistryId, programEvent.Id));
        }
    }

    public void SaveSettlement(string registryId, string epochId, IReadOnlyList<EpochStatement> statements, IReadOnlyList<PayoutIntent> payouts)
    {
        ArgumentNullException.ThrowIfNull(registryId);
        ArgumentNullException.ThrowIfNull(epochId);
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(payouts);
        Buffer(new Write(
            "INSERT INTO settlements (registry_id, epoch_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            [registryId, epochId],
            StoreConflict.EpochAlreadySettled,
            $"{registryId}/{epochId}",
            [.. statements.Select(s => (InsertStatement, Values(s))), .. payouts.Select(p => (InsertPayout, Values(p)))]));
    }

    public void SavePayout(PayoutIntent payout, long expectedVersion) =>
        Buffer(new Write(UpdatePayout, [.. Values(Required(payout)), expectedVersion], StoreConflict.PayoutVersionMismatch, payout.Id));

    public async ValueTask<CommitResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        finished = true;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < MaxAttempts)
            {
                // Rolled back; try the same writes again.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        finished = true;
        writes.Clear();
        events.Clear();
        mustBeNewEvents.Clear();
        return ValueTask.CompletedTask;
    }

    private static T Required<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    private static string Upsert(string table, string columns, string key)
    {
        string[] names = columns.Split(", ");
        string[] keys = key.Split(", ");
        string set = string.Join(", ", names.Except(keys).Select(n => $"{n} = EXCLUDED.{n}"));
        return $"INSERT INTO {table} ({columns}) VALUES ({Placeholders(columns)}) ON CONFLICT ({key}) DO UPDATE SET {set}";
    }

    /// <summary>An update of every column but the key, where the stored version is the one before the written one
    /// (the columns end with <c>version</c>, the last placeholder).</summary>
    private static string CompareAndSet(string table, string columns, string key)
    {
        string[] names = columns.Split(", ");
        string[] keys = key.Split(", ");
        string set = string.Join(", ", names.Select((n, i) => (n, i)).Where(c => !keys.Contains(c.n)).Select(c => $"{c.n} = ${c.i + 1}"));
        string match = string.Join(" AND ", keys.Select(k => $"{k} = ${Array.IndexOf(names, k) + 1}"));
        return $"UPDATE {table} SET {set} WHERE {match} AND version = ${names.Length} - 1";
    }

    private void Buffer(Write write)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        writes.Add(write);
    }

    private async Task<CommitResult> CommitOnceAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (Write write in writes)
        {
            await ApplyAsync(connection, write, cancellationToken).ConfigureAwait(false);
        }

        // Repeats within the unit are skipped here; the store skips events committed before.
        var seen = new HashSet<(string, string)>();
        var repeated = new HashSet<int>();
        var distinct = new List<(ProgramEvent Event, LedgerEntry[] Entries)>();
        var positions = new List<int>();
        for (int i = 0; i < events.Count; i++)
        {
            if (seen.Add((events[i].Event.RegistryId, events[i].Event.Id)))
            {
                distinct.Add(events[i]);
                positions.Add(i);
            }
            else
            {
                repeated.Add(i);
            }
        }

        HashSet<int> existing = await PostgreSqlEventWriter.AppendAsync(
            transaction,
            distinct,
            bulk: distinct.Count >= store.BulkCopyThreshold,
            cancellationToken).ConfigureAwait(false);
        repeated.UnionWith(existing.Select(d => positions[d]));
        foreach (int i in repeated)
        {
            if (mustBeNewEvents.Contains((events[i].Event.RegistryId, events[i].Event.Id)))
            {
                throw new StoreConflictException(StoreConflict.EventExists, $"{events[i].Event.RegistryId}/{events[i].Event.Id}");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return repeated.Count == 0
            ? CommitResult.Clean
            : new CommitResult([.. repeated.Order().Select(i => events[i].Event.Id)]);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Write write, CancellationToken cancellationToken)
    {
        await using (NpgsqlCommand command = PostgreSqlCommands.Create(connection, write.Sql, write.Values))
        {
            int rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (rows == 0 && write.Conflict is { } conflict)
            {
                throw new StoreConflictException(conflict, write.Key);
            }
        }

        if (write.Then is not { Count: > 0 } then)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach ((string sql, object?[] values) in then)
        {
            batch.BatchCommands.Add(PostgreSqlCommands.CreateBatchCommand(sql, values));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One guarded statement and the statements that follow it once it passed.</summary>
    /// <param name="Sql">The statement.</param>
    /// <param name="Values">Its positional parameters.</param>
    /// <param name="Conflict">The conflict reported when the statement touches no row, or none.</param>
    /// <param name="Key">The key named by the conflict.</param>
    /// <param name="Then">Statements sent together in one round trip after the guard passed.</param>
    private sealed record Write(
        string Sql,
        object?[] Values,
        StoreConflict? Conflict = null,
        string Key = "",
        IReadOnlyList<(string Sql, object?[] Values)>? Then = null);
}
