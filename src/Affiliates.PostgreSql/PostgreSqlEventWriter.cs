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
/// and then skips. Small batches send one statement per event in a single round trip; large ones stream both
/// tables with COPY BINARY into temporary staging tables and move them with one <c>INSERT … SELECT</c>.
/// </remarks>
internal static class PostgreSqlEventWriter
{
    private static readonly string AppendOne = $"""
        WITH inserted AS (
            INSERT INTO program_events ({EventColumns}) VALUES ({Placeholders(11)})
            ON CONFLICT DO NOTHING RETURNING 1),
        entries AS (
            INSERT INTO ledger_entries ({EntryColumns})
            SELECT $1::text, $2::text, e.sequence, $4::bigint, e.kind, e.account, e.code, e.code_generation, e.terms_version, e.amount, e.outcome
            FROM unnest($12::integer[], $13::smallint[], $14::text[], $15::text[], $16::integer[], $17::integer[], $18::numeric[], $19::smallint[])
                AS e(sequence, kind, account, code, code_generation, terms_version, amount, outcome)
            WHERE EXISTS (SELECT 1 FROM inserted))
        SELECT EXISTS (SELECT 1 FROM inserted)
        """;

    private const string CreateStaging = """
        CREATE TEMP TABLE staged_events (ordinal integer NOT NULL, LIKE program_events) ON COMMIT DROP;
        CREATE TEMP TABLE staged_entries (
            ordinal integer NOT NULL, sequence integer NOT NULL, kind smallint NOT NULL, account text NOT NULL, code text,
            code_generation integer NOT NULL, terms_version integer NOT NULL, amount numeric(39, 0) NOT NULL, outcome smallint NOT NULL)
            ON COMMIT DROP
        """;

    private static readonly string MoveStaged = $"""
        WITH inserted AS (
            INSERT INTO program_events ({EventColumns}) SELECT {EventColumns} FROM staged_events
            ON CONFLICT DO NOTHING RETURNING registry_id, event_id),
        kept AS (
            SELECT s.ordinal, s.registry_id, s.event_id, s.occurred_at FROM staged_events s JOIN inserted i USING (registry_id, event_id)),
        entries AS (
            INSERT INTO ledger_entries ({EntryColumns})
            SELECT k.registry_id, k.event_id, e.sequence, k.occurred_at, e.kind, e.account, e.code, e.code_generation, e.terms_version, e.amount, e.outcome
            FROM staged_entries e JOIN kept k USING (ordinal))
        SELECT s.ordinal FROM staged_events s WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.ordinal = s.ordinal)
        """;

    /// <summary>Appends events whose keys are distinct and returns the positions of those that already existed.</summary>
    public static async Task<HashSet<int>> AppendAsync(
        NpgsqlConnection connection,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        bool bulk,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        return bulk
            ? await AppendStagedAsync(connection, events, cancellationToken).ConfigureAwait(false)
            : await AppendEachAsync(connection, events, cancellationToken).ConfigureAwait(false);
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
                entries.Select(x => x.Sequence).ToArray(),
                entries.Select(x => (short)x.Kind).ToArray(),
                entries.Select(x => x.Account).ToArray(),
                entries.Select(x => x.Code).ToArray(),
                entries.Select(x => x.CodeGeneration).ToArray(),
                entries.Select(x => x.TermsVersion).ToArray(),
                entries.Select(x => Numeric(x.Amount)).ToArray(),
                entries.Select(x => (short)x.Outcome).ToArray()));
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

        await CopyEventsAsync(connection, events, cancellationToken).ConfigureAwait(false);
        await CopyEntriesAsync(connection, events, cancellationToken).ConfigureAwait(false);

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
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            $"COPY staged_events (ordinal, {EventColumns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            ProgramEvent e = events[i].Event;
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
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
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyEntriesAsync(
        NpgsqlConnection connection,
        IReadOnlyList<(ProgramEvent Event, LedgerEntry[] Entries)> events,
        CancellationToken cancellationToken)
    {
        await using NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            "COPY staged_entries (ordinal, sequence, kind, account, code, code_generation, terms_version, amount, outcome) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            foreach (LedgerEntry x in events[i].Entries)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.Sequence, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)x.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.Account, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, x.Code, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.CodeGeneration, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(x.TermsVersion, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(Numeric(x.Amount), NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)x.Outcome, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
