using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    public async ValueTask<SettlementResult> SettleEpochAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken = default)
    {
        Registry? registry = await store.GetRegistryAsync(Preconditions.NotNull(registryId), cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new SettlementResult(SettlementOutcome.UnknownRegistry, null, [], null);
        }

        ProgramTerms terms = await TermsAsync(registryId, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        Epoch epoch = CalendarOf(terms).EpochContaining(inEpoch);
        Instant now = clock.GetCurrentInstant();
        if (epoch.End > now)
        {
            return new SettlementResult(SettlementOutcome.EpochNotEnded, epoch, [], null);
        }

        if (await store.IsEpochSettledAsync(registryId, epoch.Id, cancellationToken).ConfigureAwait(false))
        {
            return await AlreadySettledAsync(registryId, epoch, cancellationToken).ConfigureAwait(false);
        }

        LedgerEntryKind earning = terms.Kind == ProgramKind.RevenueShare ? LedgerEntryKind.AttributedRevenue : LedgerEntryKind.Partner;
        var lines = new List<SettlementLine>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(registryId, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Kind == earning)
            {
                lines.Add(new SettlementLine(entry.RegistryId, entry.EventId, entry.Sequence, entry.OccurredAt, entry.Account, entry.Code ?? string.Empty, terms.PayoutAsset, entry.Amount));
            }
        }

        IReadOnlyList<EpochStatement> latest = await store.ListLatestStatementsAsync(registryId, epoch.Start, cancellationToken).ConfigureAwait(false);
        var request = new SettlementRequest(registryId, epoch, SettlementTerms.FromProgram(terms, new DustRule(options.DustAfterIdleEpochs)), lines, now)
        {
            PreviousStates = latest.ToDictionary(s => s.Partner, PartnerState.After, StringComparer.Ordinal),
        };
        EpochSettlement settlement = EpochSettler.Settle(request);

        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.SaveSettlement(registryId, epoch.Id, settlement.Statements, settlement.Payouts);
        try
        {
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.EpochAlreadySettled)
        {
            return await AlreadySettledAsync(registryId, epoch, cancellationToken).ConfigureAwait(false);
        }

        return new SettlementResult(SettlementOutcome.Settled, epoch, settlement.Statements, settlement);
    }

    private static EpochCalendar CalendarOf(ProgramTerms terms) => terms.Epochs switch
    {
        EpochCadence.Monthly => EpochCalendar.Monthly(),
        _ => EpochCalendar.Weekly(),
    };

    private async ValueTask<SettlementResult> AlreadySettledAsync(string registryId, Epoch epoch, CancellationToken cancellationToken)
    {
        IReadOnlyList<EpochStatement> stored = await store.ListStatementsAsync(registryId, epoch.Id, cancellationToken).ConfigureAwait(false);
        return new SettlementResult(SettlementOutcome.AlreadySettled, epoch, stored, null);
    }
}
