using System.Diagnostics;
using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    public async ValueTask<SettleResult> SettleEpochAsync(string registryId, Instant within, CancellationToken cancellationToken = default)
    {
        using Activity? activity = AffiliatesTelemetry.ActivitySource.StartActivity("affiliates.settle");
        SettleResult result = await SettleCoreAsync(registryId, within, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString());
        AffiliatesTelemetry.EpochsSettled.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString()));
        return result;
    }

    private async ValueTask<SettleResult> SettleCoreAsync(string registryId, Instant within, CancellationToken cancellationToken)
    {
        Registry? registry = await store.GetRegistryAsync(registryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return new SettleResult(SettleOutcome.UnknownRegistry, string.Empty, null);
        }

        ProgramTerms terms = await TermsAsync(registryId, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        EpochCalendar calendar = terms.Epochs == EpochCadence.Monthly ? EpochCalendar.Monthly() : EpochCalendar.Weekly();
        Epoch epoch = calendar.EpochContaining(within);
        Instant now = clock.GetCurrentInstant();
        if (now < epoch.End)
        {
            return new SettleResult(SettleOutcome.EpochNotOver, epoch.Id, null);
        }

        if (await store.IsEpochSettledAsync(registryId, epoch.Id, cancellationToken).ConfigureAwait(false))
        {
            return new SettleResult(SettleOutcome.AlreadySettled, epoch.Id, null);
        }

        var lines = new List<SettlementLine>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(registryId, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Code is not null && IsCommissionBase(terms.Kind, entry.Kind))
            {
                lines.Add(new SettlementLine(registryId, entry.EventId, entry.Sequence, entry.OccurredAt, entry.Account, entry.Code, terms.PayoutAsset, entry.Amount));
            }
        }

        IReadOnlyList<EpochStatement> previous = await store.ListLatestStatementsAsync(registryId, epoch.Start, cancellationToken).ConfigureAwait(false);
        EpochSettlement settlement = EpochSettler.Settle(
            new SettlementRequest(registryId, epoch, SettlementTerms.FromProgram(terms, DustRule.OnlyWhenClosed), lines, now)
            {
                PreviousStates = previous.ToDictionary(s => s.Partner, PartnerState.After, StringComparer.Ordinal),
            });
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.SaveSettlement(registryId, epoch.Id, settlement.Statements, settlement.Payouts);
        try
        {
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.EpochAlreadySettled)
        {
            return new SettleResult(SettleOutcome.AlreadySettled, epoch.Id, null);
        }

        return new SettleResult(SettleOutcome.Settled, epoch.Id, settlement);
    }

    /// <summary>Revenue share pays a tier rate of attributed revenue; fee share pays out, in full, what was split to the partner.</summary>
    private static bool IsCommissionBase(ProgramKind program, LedgerEntryKind entry) => program == ProgramKind.RevenueShare
        ? entry == LedgerEntryKind.AttributedRevenue
        : entry is LedgerEntryKind.Partner or LedgerEntryKind.AffiliateFee;
}
