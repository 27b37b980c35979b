using System.Runtime.CompilerServices;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;
using Npgsql;
using static Affiliates.PostgreSql.PostgreSqlRows;

namespace Affiliates.PostgreSql;

/// <summary>An <see cref="IAffiliateStore"/> on PostgreSQL: every unit of work commits in one transaction, and
/// unique keys make concurrent ingesters, settlers and payout workers unable to duplicate anything.</summary>
/// <remarks>
/// Schema changes are the numbered scripts embedded in this assembly, applied before first use (unless
/// <see cref="PostgreSqlStoreOptions.ApplyMigrations"/> is off) or by <see cref="MigrateAsync"/>. Instants are
/// kept as Unix ticks, so precision finer than 100 ns is not kept.
/// </remarks>
public sealed class PostgreSqlAffiliateStore : IAffiliateStore, IAsyncDisposable
{
    private readonly SemaphoreSlim migrationGate = new(1, 1);
    private readonly bool applyMigrations;
    private volatile bool migrated;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlAffiliateStore"/> class.</summary>
    /// <param name="options">The connection string and settings; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentException">The connection string is empty or the bulk threshold is below 1.</exception>
    public PostgreSqlAffiliateStore(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgreSqlStoreOptions.ConnectionString is required.", nameof(options));
        }

        if (options.BulkCopyThreshold < 1)
        {
            throw new ArgumentException("PostgreSqlStoreOptions.BulkCopyThreshold must be at least 1.", nameof(options));
        }

        DataSource = NpgsqlDataSource.Create(options.ConnectionString);
        BulkCopyThreshold = options.BulkCopyThreshold;
        applyMigrations = options.ApplyMigrations;
    }

    internal NpgsqlDataSource DataSource { get; }

    internal int BulkCopyThreshold { get; }

    /// <summary>Applies the pending schema migrations now.</summary>
    /// <param name="cancellationToken">Cancels the migration; nothing of it is then applied.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PostgreSqlMigrations.ApplyAsync(DataSource, cancellationToken).ConfigureAwait(false);
            migrated = true;
        }
        finally
        {
            migrationGate.Release();
        }
    }

    /// <inheritdoc/>
    public ValueTask<IAffiliateUnitOfWork> BeginAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IAffiliateUnitOfWork>(new PostgreSqlUnitOfWork(this));

    /// <inheritdoc/>
    public ValueTask<Registry?> GetRegistryAsync(string registryId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {RegistryColumns} FROM registries WHERE registry_id = $1", ReadRegistry, [registryId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ProgramTerms?> GetTermsAsync(string registryId, int version, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {TermsColumns} FROM program_terms WHERE registry_id = $1 AND version = $2", ReadTerms, [registryId, version], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PartnerCode?> GetCodeAsync(string registryId, string code, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {CodeColumns} FROM partner_codes WHERE registry_id = $1 AND code = $2 ORDER BY generation DESC LIMIT 1",
            ReadCode,
            [registryId, code],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PartnerCode?> GetCodeGenerationAsync(string registryId, string code, int generation, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {CodeColumns} FROM partner_codes WHERE registry_id = $1 AND code = $2 AND generation = $3",
            ReadCode,
            [registryId, code, generation],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PartnerCode>> ListCodesByOwnerAsync(string registryId, string ownerAddress, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"""
            SELECT {CodeColumns} FROM (
                SELECT DISTINCT ON (code) * FROM partner_codes
                WHERE registry_id = $1 AND code IN (SELECT code FROM partner_codes WHERE registry_id = $1 AND owner_address = $2)
                ORDER BY code, generation DESC) latest
            WHERE owner_address = $2
            ORDER BY code
            """,
            ReadCode,
            [registryId, ownerAddress],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Binding?> GetBindingAsync(string registryId, string userAddress, string scope, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {BindingColumns} FROM bindings WHERE registry_id = $1 AND user_address = $2 AND scope = $3",
            ReadBinding,
            [registryId, userAddress, scope],
            cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Binding> ReadBindingsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"""
            SELECT {BindingColumns} FROM bindings WHERE registry_id = $1 AND bound_at >= $2 AND bound_at < $3
            ORDER BY bound_at, user_address, scope
            """,
            ReadBinding,
            [registryId, PostgreSqlValues.Ticks(start), PostgreSqlValues.Ticks(end)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<AttributionClick?> GetClickAsync(string token, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {ClickColumns} FROM attribution_clicks WHERE token = $1", ReadClick, [token], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ProgramEvent?> GetEventAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {EventColumns} FROM program_events WHERE registry_id = $1 AND event_id = $2", ReadEvent, [registryId, eventId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LedgerEntry>> ListEntriesAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"""
            SELECT {EntryColumns} FROM ledger_entries
            WHERE registry_id = $1 AND event_id = $2
              AND occurred_at = (SELECT occurred_at FROM program_events WHERE registry_id = $1 AND event_id = $2)
            ORDER BY sequence
            """,
            ReadEntry,
            [registryId, eventId],
            cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<bool> HasEventsForUserAsync(string registryId, string userAddress, CancellationToken cancellationToken = default) =>
        await SingleAsync(
            "SELECT 1 FROM program_events WHERE registry_id = $1 AND user_address = $2 LIMIT 1",
            r => (object)true,
            [registryId, userAddress],
            cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc/>
    public IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"""
            SELECT {EntryColumns} FROM ledger_entries
            WHERE registry_id = $1 AND occurred_at >= $2 AND occurred_at < $3
            ORDER BY occurred_at, event_id, sequence
            """,
            ReadEntry,
            [registryId, PostgreSqlValues.Ticks(start), PostgreSqlValues.Ticks(end)],
            cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<LedgerEntry> ReadAttributedLedgerAsync(string registryId, IReadOnlyCollection<LedgerEntryKind> kinds, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"""
            SELECT {EntryColumns} FROM ledger_entries
            WHERE registry_id = $1 AND booked_at >= $2 AND booked_at < $3 AND code IS NOT NULL AND ((1 << kind) & $4) <> 0
            ORDER BY booked_at, occurred_at, event_id, sequence
            """,
            ReadEntry,
            [registryId, PostgreSqlValues.Ticks(start), PostgreSqlValues.Ticks(end), PostgreSqlValues.KindMask(kinds)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<RefundRecord>> ListRefundsAsync(string registryId, string paymentId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {RefundColumns} FROM refunds WHERE registry_id = $1 AND payment_id = $2 ORDER BY (status <> 2), ordinal, refund_id",
            ReadRefund,
            [registryId, paymentId],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<RefundRecord?> GetRefundAsync(string registryId, string refundId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {RefundColumns} FROM refunds WHERE registry_id = $1 AND refund_id = $2", ReadRefund, [registryId, refundId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<RefundRecord>> ListHeldRefundsAsync(string registryId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {RefundColumns} FROM refunds WHERE registry_id = $1 AND status = $2 ORDER BY refund_id",
            ReadRefund,
            [registryId, (short)RefundStatus.Held],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ClosedEpoch?> GetClosedEpochAsync(string registryId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {ClosingColumns} FROM epoch_closings WHERE registry_id = $1 AND epoch_id IS NOT NULL", ReadClosing, [registryId], cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<bool> IsEpochSettledAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        await SingleAsync(
            "SELECT 1 FROM settlements WHERE registry_id = $1 AND epoch_id = $2",
            r => (object)true,
            [registryId, epochId],
            cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<EpochStatement>> ListStatementsAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {StatementColumns} FROM epoch_statements WHERE registry_id = $1 AND epoch_id = $2 ORDER BY payee_kind, payee",
            ReadStatement,
            [registryId, epochId],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<EpochStatement?> GetStatementAsync(string registryId, string epochId, PayeeKey payee, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {StatementColumns} FROM epoch_statements WHERE registry_id = $1 AND epoch_id = $2 AND payee_kind = $3 AND payee = $4",
            ReadStatement,
            [registryId, epochId, (short)payee.Kind, payee.Payee],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<EpochStatement>> ListLatestStatementsAsync(string registryId, Instant before, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"""
            SELECT DISTINCT ON (payee_kind, payee) {StatementColumns} FROM epoch_statements
            WHERE registry_id = $1 AND epoch_end <= $2
            ORDER BY payee_kind, payee, epoch_end DESC, epoch_id DESC
            """,
            ReadStatement,
            [registryId, PostgreSqlValues.Ticks(before)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PayoutIntent?> GetPayoutAsync(string payoutId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {PayoutColumns} FROM payout_intents WHERE payout_id = $1", ReadPayout, [payoutId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PayoutIntent>> ListPayoutsAsync(string registryId, PayoutStatus status, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {PayoutColumns} FROM payout_intents WHERE registry_id = $1 AND status = $2 ORDER BY payout_id",
            ReadPayout,
            [registryId, (short)status],
            cancellationToken);

    /// <summary>Closes the store's connection pool.</summary>
    /// <returns>A task that completes when the pool is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        migrationGate.Dispose();
    }

    /// <summary>Opens a pooled connection, applying pending migrations first if the options ask for it.</summary>
    internal async ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (applyMigrations && !migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<T?> SingleAsync<T>(string sql, Func<NpgsqlDataReader, T> read, object?[] values, CancellationToken cancellationToken)
        where T : class
    {
        await using NpgsqlConnection connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = PostgreSqlCommands.Create(connection, sql, values);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
    }

    private async ValueTask<IReadOnlyList<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, object?[] values, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (T item in StreamAsync(sql, read, values, cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(
        string sql,
        Func<NpgsqlDataReader, T> read,
        object?[] values,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = PostgreSqlCommands.Create(connection, sql, values);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }
}
