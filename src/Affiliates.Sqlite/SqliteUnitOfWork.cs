using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Affiliates.Sqlite;

/// <summary>Buffers writes in call order and replays them in one <c>BEGIN IMMEDIATE</c> transaction on commit.</summary>
internal sealed class SqliteUnitOfWork(SqliteAffiliateStore store) : IAffiliateUnitOfWork
{
    private readonly List<Action<SqliteWriter>> writes = [];
    private bool finished;

    public void SaveRegistry(Registry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Buffer(w => w.SaveRegistry(registry));
    }

    public void SaveTerms(ProgramTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Buffer(w => w.SaveTerms(terms));
    }

    public void SaveCode(PartnerCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        Buffer(w => w.SaveCode(code));
    }

    public void SaveBinding(Binding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        Buffer(w => w.SaveBinding(binding));
    }

    public void ReplaceBinding(Binding binding, Binding? expected)
    {
        ArgumentNullException.ThrowIfNull(binding);
        Buffer(w => w.ReplaceBinding(binding, expected));
    }

    public void SaveClick(AttributionClick click)
    {
        ArgumentNullException.ThrowIfNull(click);
        Buffer(w => w.SaveClick(click));
    }

    public void ConsumeNonce(string signer, string nonce, Instant expiresAt)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(nonce);
        Buffer(w => w.ConsumeNonce(signer, nonce, expiresAt));
    }

    public void ForgetNonces(Instant expiredBefore) => Buffer(w => w.ForgetNonces(expiredBefore));

    public void AppendEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(programEvent);
        LedgerEntry[] copy = [.. entries ?? throw new ArgumentNullException(nameof(entries))];
        Buffer(w => w.AppendEvent(programEvent, copy));
    }

    public void AppendEntries(IReadOnlyList<LedgerEntry> entries)
    {
        LedgerEntry[] copy = [.. entries ?? throw new ArgumentNullException(nameof(entries))];
        Buffer(w => w.AppendEntries(copy));
    }

    public void SaveRefund(RefundRecord refund, RefundStatus? expected)
    {
        ArgumentNullException.ThrowIfNull(refund);
        Buffer(w => w.SaveRefund(refund, expected));
    }

    public void ExpectClosedEpoch(string registryId, string? epochId)
    {
        ArgumentNullException.ThrowIfNull(registryId);
        Buffer(w => w.ExpectClosedEpoch(registryId, epochId));
    }

    public void CloseEpoch(ClosedEpoch closed, string? previousEpochId)
    {
        ArgumentNullException.ThrowIfNull(closed);
        Buffer(w => w.CloseEpoch(closed, previousEpochId));
    }

    public void SaveSettlement(string registryId, string epochId, IReadOnlyList<EpochStatement> statements, IReadOnlyList<PayoutIntent> payouts)
    {
        ArgumentNullException.ThrowIfNull(registryId);
        ArgumentNullException.ThrowIfNull(epochId);
        EpochStatement[] statementCopy = [.. statements ?? throw new ArgumentNullException(nameof(statements))];
        PayoutIntent[] payoutCopy = [.. payouts ?? throw new ArgumentNullException(nameof(payouts))];
        if (statementCopy.Any(s => s.RegistryId != registryId || s.EpochId != epochId))
        {
            throw new ArgumentException($"Every statement must belong to epoch {epochId} of registry {registryId}.", nameof(statements));
        }

        Buffer(w => w.SaveSettlement(registryId, epochId, statementCopy, payoutCopy));
    }

    public void SavePayout(PayoutIntent payout, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(payout);
        Buffer(w => w.SavePayout(payout, expectedVersion));
    }

    public async ValueTask<CommitResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        finished = true;
        if (writes.Count == 0)
        {
            return CommitResult.Clean;
        }

        SqliteConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE: the write lock is taken up
            // front, so two writers never deadlock upgrading a read lock.
            using SqliteTransaction transaction = connection.BeginTransaction();
            using var writer = new SqliteWriter(connection, transaction);
            foreach (Action<SqliteWriter> write in writes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                write(writer);
            }

            transaction.Commit();
            writes.Clear();
            return writer.SkippedEventIds.Count == 0 ? CommitResult.Clean : new CommitResult(writer.SkippedEventIds);
        }
    }

    public ValueTask DisposeAsync()
    {
        finished = true;
        writes.Clear();
        return ValueTask.CompletedTask;
    }

    private void Buffer(Action<SqliteWriter> write)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        writes.Add(write);
    }
}
