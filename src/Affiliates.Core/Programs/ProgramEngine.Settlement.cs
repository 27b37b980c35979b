using System.Collections.Frozen;
using System.Diagnostics;
using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    public async ValueTask<SettlementResult> SettleEpochAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken = default)
    {
        using Activity? activity = AffiliatesTelemetry.ActivitySource.StartActivity("affiliates.settle");
        SettlementResult result = await SettleCoreAsync(registryId, inEpoch, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString());
        AffiliatesTelemetry.EpochsSettled.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Outcome.ToString()));
        return result;
    }

    /// <summary>Revenue share pays a tier rate of attributed revenue.</summary>
    private static readonly FrozenSet<LedgerEntryKind> RevenueShareBase = [LedgerEntryKind.AttributedRevenue];

    /// <summary>Fee share pays out, in full, what was split to the partner.</summary>
    private static readonly FrozenSet<LedgerEntryKind> FeeShareBase = [LedgerEntryKind.Partner, LedgerEntryKind.AffiliateFee];

    private async ValueTask<SettlementResult> SettleCoreAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken)
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

        var lines = new List<SettlementLine>();
        FrozenSet<LedgerEntryKind> commissionBase = terms.Kind == ProgramKind.RevenueShare ? RevenueShareBase : FeeShareBase;
        await foreach (LedgerEntry entry in store.ReadAttributedLedgerAsync(registryId, commissionBase, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            lines.Add(new SettlementLine(entry.RegistryId, entry.EventId, entry.Sequence, entry.OccurredAt, entry.Account, entry.Code!, terms.PayoutAsset, entry.Amount));
        }

        IReadOnlyList<EpochStatement> latest = await store.ListLatestStatementsAsync(registryId, epoch.Start, cancellationToken).ConfigureAwait(false);
        var request = new SettlementRequest(registryId, epoch, SettlementTerms.FromProgram(terms, new DustRule(options.DustAfterIdleEpochs)), lines, now)
        {
            PreviousStates = latest.ToDictionary(s => s.Partner, PartnerState.After, StringComparer.Ordinal),
            Referrals = terms.Kind == ProgramKind.RevenueShare && terms.TierMetric == TierMetric.EpochReferrals
                ? await ReferralsAsync(registryId, epoch, cancellationToken).ConfigureAwait(false)
                : FrozenDictionary<string, int>.Empty,
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

    /// <summary>
    /// Counts, per partner (the payment address of the code, as on its ledger entries), the users whose account
    /// binding was made within the epoch and is still active. A binding to a code generation that has since been
    /// retired counts for nobody, as its events do.
    /// </summary>
    private async ValueTask<Dictionary<string, int>> ReferralsAsync(string registryId, Epoch epoch, CancellationToken cancellationToken)
    {
        var referrals = new Dictionary<string, int>(StringComparer.Ordinal);
        var partnerOfCode = new Dictionary<(string Code, int Generation), string?>();
        await foreach (Binding binding in store.ReadBindingsAsync(registryId, epoch.Start, epoch.End, cancellationToken).ConfigureAwait(false))
        {
            if (binding.Scope != Binding.AccountScope || binding.Status != BindingStatus.Active)
            {
                continue;
            }

            if (!partnerOfCode.TryGetValue((binding.Code, binding.CodeGeneration), out string? partner))
            {
                PartnerCode? code = await store.GetCodeAsync(registryId, binding.Code, cancellationToken).ConfigureAwait(false);
                partner = code is { Status: CodeStatus.Active } && code.Generation == binding.CodeGeneration ? code.PaymentAddress : null;
                partnerOfCode[(binding.Code, binding.CodeGeneration)] = partner;
            }

            if (partner is not null)
            {
                referrals[partner] = referrals.GetValueOrDefault(partner) + 1;
            }
        }

        return referrals;
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
