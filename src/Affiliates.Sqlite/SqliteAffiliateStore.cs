using System.Runtime.CompilerServices;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using static Affiliates.Sqlite.SqliteValues;

namespace Affiliates.Sqlite;

/// <summary>An <see cref="IAffiliateStore"/> in one SQLite file, safe for several stores and processes on the same file.</summary>
/// <remarks>
/// The schema is migrated on first use. Each unit of work commits in one <c>BEGIN IMMEDIATE</c> transaction, so writers
/// queue on SQLite's write lock (up to <see cref="SqliteStoreOptions.BusyTimeout"/>) and every commit is all or nothing.
/// Reads see the last committed state (WAL snapshot isolation) and never block writers.
/// </remarks>
public sealed class SqliteAffiliateStore : IAffiliateStore
{
    private readonly SqliteConnectionFactory connections;
    private volatile bool migrated;

    /// <summary>Initializes a new instance of the <see cref="SqliteAffiliateStore"/> class.</summary>
    /// <param name="options">Where the database is; copied, so later changes to it have no effect.</param>
    /// <exception cref="ArgumentException">Neither a file path nor a connection string is set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is not positive.</exception>
    public SqliteAffiliateStore(SqliteStoreOptions options) => connections = new SqliteConnectionFactory(options);

    /// <inheritdoc/>
    public ValueTask<IAffiliateUnitOfWork> BeginAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IAffiliateUnitOfWork>(new SqliteUnitOfWork(this));

    /// <inheritdoc/>
    public ValueTask<Registry?> GetRegistryAsync(string registryId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.RegistryColumns} FROM registries WHERE id = $id", SqliteRows.Registry, [registryId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ProgramTerms?> GetTermsAsync(string registryId, int version, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.TermsColumns} FROM terms WHERE registry_id = $registry AND version = $version", SqliteRows.Terms, [registryId, version], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PartnerCode?> GetCodeAsync(string registryId, string code, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {SqliteRows.CodeColumns} FROM codes WHERE registry_id = $registry AND code = $code ORDER BY generation DESC LIMIT 1",
            SqliteRows.Code,
            [registryId, code],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PartnerCode?> GetCodeGenerationAsync(string registryId, string code, int generation, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {SqliteRows.CodeColumns} FROM codes WHERE registry_id = $registry AND code = $code AND generation = $generation",
            SqliteRows.Code,
            [registryId, code, generation],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PartnerCode>> ListCodesByOwnerAsync(string registryId, string ownerAddress, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.CodeColumns} FROM codes c WHERE registry_id = $registry AND owner_address = $owner " +
            "AND generation = (SELECT MAX(generation) FROM codes g WHERE g.registry_id = c.registry_id AND g.code = c.code) ORDER BY code",
            SqliteRows.Code,
            [registryId, ownerAddress],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Binding?> GetBindingAsync(string registryId, string userAddress, string scope, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {SqliteRows.BindingColumns} FROM bindings WHERE registry_id = $registry AND user_address = $user AND scope = $scope",
            SqliteRows.Binding,
            [registryId, userAddress, scope],
            cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Binding> ReadBindingsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {SqliteRows.BindingColumns} FROM bindings WHERE registry_id = $registry AND bound_at >= $start AND bound_at < $end " +
            "ORDER BY bound_at, user_address, scope",
            SqliteRows.Binding,
            [registryId, ToBound(start), ToBound(end)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<AttributionClick?> GetClickAsync(string token, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.ClickColumns} FROM clicks WHERE token = $token", SqliteRows.Click, [token], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ProgramEvent?> GetEventAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.EventColumns} FROM events WHERE registry_id = $registry AND id = $id", SqliteRows.Event, [registryId, eventId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LedgerEntry>> ListEntriesAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.EntryColumns} FROM ledger_entries WHERE registry_id = $registry AND event_id = $event ORDER BY sequence",
            SqliteRows.Entry,
            [registryId, eventId],
            cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<bool> HasEventsForUserAsync(string registryId, string userAddress, CancellationToken cancellationToken = default) =>
        await SingleAsync(
            "SELECT 1 FROM events WHERE registry_id = $registry AND user_address = $user LIMIT 1",
            r => true,
            [registryId, userAddress],
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {SqliteRows.EntryColumns} FROM ledger_entries WHERE registry_id = $registry AND occurred_at >= $start AND occurred_at < $end " +
            "ORDER BY occurred_at, event_id, sequence",
            SqliteRows.Entry,
            [registryId, ToBound(start), ToBound(end)],
            cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<LedgerEntry> ReadAttributedLedgerAsync(string registryId, IReadOnlyCollection<LedgerEntryKind> kinds, Instant start, Instant end, CancellationToken cancellationToken = default) =>
        StreamAsync(
            $"SELECT {SqliteRows.EntryColumns} FROM ledger_entries WHERE registry_id = $registry AND booked_at >= $start AND booked_at < $end " +
            "AND code IS NOT NULL AND ((1 << kind) & $kinds) != 0 ORDER BY booked_at, occurred_at, event_id, sequence",
            SqliteRows.Entry,
            [registryId, ToBound(start), ToBound(end), SqliteValues.KindMask(kinds)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<RefundRecord>> ListRefundsAsync(string registryId, string paymentId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.RefundColumns} FROM refunds WHERE registry_id = $registry AND payment_id = $payment " +
            "ORDER BY CASE WHEN status = 2 THEN 0 ELSE 1 END, ordinal, refund_id",
            SqliteRows.Refund,
            [registryId, paymentId],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<RefundRecord?> GetRefundAsync(string registryId, string refundId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.RefundColumns} FROM refunds WHERE registry_id = $registry AND refund_id = $refund", SqliteRows.Refund, [registryId, refundId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<RefundRecord>> ListHeldRefundsAsync(string registryId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.RefundColumns} FROM refunds WHERE registry_id = $registry AND status = $held ORDER BY refund_id",
            SqliteRows.Refund,
            [registryId, (int)RefundStatus.Held],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ClosedEpoch?> GetClosedEpochAsync(string registryId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.ClosingColumns} FROM epoch_closings WHERE registry_id = $registry", SqliteRows.Closing, [registryId], cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<bool> IsEpochSettledAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        await SingleAsync(
            "SELECT 1 FROM settlements WHERE registry_id = $registry AND epoch_id = $epoch",
            r => true,
            [registryId, epochId],
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<EpochStatement>> ListStatementsAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.StatementColumns} FROM statements WHERE registry_id = $registry AND epoch_id = $epoch ORDER BY payee_kind, payee",
            SqliteRows.Statement,
            [registryId, epochId],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<EpochStatement?> GetStatementAsync(string registryId, string epochId, PayeeKey payee, CancellationToken cancellationToken = default) =>
        SingleAsync(
            $"SELECT {SqliteRows.StatementColumns} FROM statements WHERE registry_id = $registry AND epoch_id = $epoch AND payee_kind = $kind AND payee = $payee",
            SqliteRows.Statement,
            [registryId, epochId, (int)payee.Kind, payee.Payee],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<EpochStatement>> ListLatestStatementsAsync(string registryId, Instant before, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.StatementColumns} FROM statements s WHERE registry_id = $registry AND epoch_end = " +
            "(SELECT MAX(epoch_end) FROM statements l WHERE l.registry_id = s.registry_id AND l.payee_kind = s.payee_kind AND l.payee = s.payee AND l.epoch_end <= $before) " +
            "ORDER BY payee_kind, payee",
            SqliteRows.Statement,
            [registryId, ToBound(before)],
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PayoutIntent?> GetPayoutAsync(string payoutId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {SqliteRows.PayoutColumns} FROM payouts WHERE id = $id", SqliteRows.Payout, [payoutId], cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PayoutIntent>> ListPayoutsAsync(string registryId, PayoutStatus status, CancellationToken cancellationToken = default) =>
        ListAsync(
            $"SELECT {SqliteRows.PayoutColumns} FROM payouts WHERE registry_id = $registry AND status = $status ORDER BY id",
            SqliteRows.Payout,
            [registryId, (int)status],
            cancellationToken);

    /// <summary>Opens a configured connection, migrating the schema the first time.</summary>
    internal async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!migrated)
        {
            try
            {
                await SqliteMigrator.ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            migrated = true;
        }

        return connection;
    }

    private async ValueTask<T?> SingleAsync<T>(string sql, Func<SqliteDataReader, T> read, object?[] values, CancellationToken cancellationToken)
        where T : notnull
    {
        await foreach (T item in StreamAsync(sql, read, values, cancellationToken).ConfigureAwait(false))
        {
            return item;
        }

        return default;
    }

    private async ValueTask<IReadOnlyList<T>> ListAsync<T>(string sql, Func<SqliteDataReader, T> read, object?[] values, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (T item in StreamAsync(sql, read, values, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(
        string sql, Func<SqliteDataReader, T> read, object?[] values, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var statement = new SqliteStatement(connection, transaction: null, sql);
            using SqliteDataReader reader = statement.Query(values);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return read(reader);
            }
        }
    }
}
