using Affiliates.Ledger;
using Npgsql;
using NpgsqlTypes;
using static Affiliates.PostgreSql.PostgreSqlRows;
using static Affiliates.PostgreSql.PostgreSqlValues;

namespace Affiliates.PostgreSql;

/// <summary>Appends events and their entries inside the caller's transaction; an event whose key exists is
/// skipped together with its entries.</summary>
/// <remarks>
/// Idempotence rests on the primary key of <c>program_events</c> and <c>ON CONFLICT DO NOTHING</c>: entries are
/// written only for event rows this statement inserted, so a concurrent writer of the same event waits for ours
/// and then skips. Small batches send one statement per event in a single round trip. Large ones are copied with
/// COPY BINARY straight into the tables under a savepoint; if any event already exists, that copy is undone and
/// both tables are copied into temporary staging tables instead and moved with one idempotent <c>INSERT … SELECT</c>.
/// </remarks>
internal static class PostgreSqlEventWriter
{
    private const string DirectCopy = "direct_copy";

    private static readonly string AppendOne = $"""
        WITH inserted AS (
            INSERT INTO program_events ({EventColumns}) VALUES ({Placeholders(EventColumns)})
            ON CONFLICT DO NOTHING RETURNING 1),
        entries AS (
            INSERT INTO ledger_entries ({EntryColumns})
            SELECT $1::text, $2::text, e.sequence, $4::bigint, e.kind, e.account, e.code, e.code_generation, e.terms_version, e.amount, e.outcome,
                   e.booked_at, e.user_address, e.referral_fee_ppm, e.kickback_ppm, e.refund_of
            FROM unnest($16::integer[], $17::smallint[], $18::text[], $19::text[], $20::integer[], $21::integer[], $22::numeric[], $23::smallint[],
                        $24::bigint[], $25::text[], $26::integer[], $27::integer[], $28::text[])
                AS e(sequence, kind, account, code, code_generation, terms_version, amount, outcome, booked_at, user_address, referral_fee_ppm, kickback_ppm, refund_of)
            WHERE EXISTS (SELECT 1 FROM inserted))
        SELECT EXISTS (SELECT 1 FROM inserted)
        """;

    private const string CreateStaging = """
        CREATE TEMP TABLE staged_events (ordinal integer NOT NULL, LIKE program_events) ON COMMIT DROP;
        CREATE TEMP TABLE staged_entries (ordinal integer NOT NULL, LIKE ledger_entries) ON COMMIT DROP
        """;

    private static readonly string MoveStaged = $"""
        WITH inserted AS (
            INSERT INTO program_events ({EventColumns}) SELECT {EventColumns} FROM staged_events
            ON CONFLICT DO NOTHING RETURNING registry_id, event_id),
        kept AS (
            SELECT s.ordinal FROM staged_events s JOIN inserted i USING (registry_id, event_id)),
        entries AS (
            INSERT INTO ledger_entries ({EntryColumns}) SELECT {EntryColumns} FROM staged_entries JOIN kept USING (ordinal))
        SELECT s.ordinal FROM staged_events s WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.ordinal = s.ordinal)
        """;

    /// <summary>Appends events whose keys are distinct and returns the positions of those that already existed.</summary>
    public static async Task<HashSet<int>> AppendAsync(
        NpgsqlTransaction transaction,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        bool bulk,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        NpgsqlConnection connection = transaction.Connection!;
        if (!bulk)
        {
            return await AppendEachAsync(connection, events, cancellationToken).ConfigureAwait(false);
        }

        // Large batches are nearly always new events: copy them straight into the tables, and take the staging
        // path only when one of them exists (the unique key stops the copy; the savepoint undoes it).
        await transaction.SaveAsync(DirectCopy, cancellationToken).ConfigureAwait(false);
        try
        {
            await CopyEventsAsync(connection, "program_events", staged: false, events, cancellationToken).ConfigureAwait(false);
            await CopyEntriesAsync(connection, "ledger_entries", staged: false, events, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(DirectCopy, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(DirectCopy, cancellationToken).ConfigureAwait(false);
        }

        return await AppendStagedAsync(connection, events, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<int>> AppendEachAsync(
        NpgsqlConnection connection,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach ((ProgramEvent e, LedgerEntry[] entries) in events)
        {
            batch.BatchCommands.Add(PostgreSqlCommands.CreateBatchCommand(
                AppendOne,
                e.RegistryId,
                e.Id,
                (short)e.Kind,
                Ticks(e.OccurredAt),
                e.UserAddress,
                Numeric(e.Amount),
                Numeric(e.Notional),
                e.Pair,
                e.Code,
                e.VaultId,
                e.RefundOf,
                e.Asset.Chain,
                e.Asset.Symbol,
                e.Asset.Decimals,
                e.Asset.Contract,
                entries.Select(x => x.Sequence).ToArray(),
                entries.Select(x => (short)x.Kind).ToArray(),
                entries.Select(x => x.Account).ToArray(),
                entries.Select(x => x.Code).ToArray(),
                entries.Select(x => x.CodeGeneration).ToArray(),
                entries.Select(x => x.TermsVersion).ToArray(),
                entries.Select(x => Numeric(x.Amount)).ToArray(),
                entries.Select(x => (short)x.Outcome).ToArray(),
                entries.Select(x => PostgreSqlValues.Ticks(x.BookedAt)).ToArray(),
                entries.Select(x => x.User).ToArray(),
                entries.Select(x => x.ReferralFee.PartsPerMillion).ToArray(),
                entries.Select(x => x.Kickback.PartsPerMillion).ToArray(),
                entries.Select(x => x.RefundOf).ToArray()));
        }

        var skipped = new HashSet<int>();
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!reader.GetBoolean(0))
            {
                skipped.Add(i);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        return skipped;
    }

    private static async Task<HashSet<int>> AppendStagedAsync(
        NpgsqlConnection connection,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using (NpgsqlCommand create = PostgreSqlCommands.Create(connection, CreateStaging))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await CopyEventsAsync(connection, "staged_events", staged: true, events, cancellationToken).ConfigureAwait(false);
        await CopyEntriesAsync(connection, "staged_entries", staged: true, events, cancellationToken).ConfigureAwait(false);

        var skipped = new HashSet<int>();
        await using NpgsqlCommand move = PostgreSqlCommands.Create(connection, MoveStaged);
        await using NpgsqlDataReader reader = await move.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            skipped.Add(reader.GetInt32(0));
        }

        return skipped;
    }

    private static async Task CopyEventsAsync(
        NpgsqlConnection connection,
        string table,
        bool staged,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({(staged ? "ordinal, " : "")}{EventColumns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            ProgramEvent e = events[i].Event;
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            if (staged)
            {
                await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            await copy.WriteAsync(e.RegistryId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Ticks(e.OccurredAt), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(e.UserAddress, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Numeric(e.Amount), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Numeric(e.Notional), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, e.Pair, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, e.Code, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, e.VaultId, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, e.RefundOf, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(e.Asset.Chain, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(e.Asset.Symbol, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(e.Asset.Decimals, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, e.Asset.Contract, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyEntriesAsync(
        NpgsqlConnection connection,
        string table,
        bool staged,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({(staged ? "ordinal, " : "")}{EntryColumns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            foreach (LedgerEntry x in events[i].Entries)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                if (staged)
                {
                    await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                }

                await copy.WriteAsync(x.RegistryId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.EventId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.Sequence, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(Ticks(x.OccurredAt), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)x.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.Account, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, x.Code, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.CodeGeneration, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.TermsVersion, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(Numeric(x.Amount), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)x.Outcome, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(Ticks(x.BookedAt), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, x.User, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.ReferralFee.PartsPerMillion, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.Kickback.PartsPerMillion, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, x.RefundOf, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
