using System.Diagnostics;
using Affiliates.Fees;
using Affiliates.Ledger;
using Affiliates.Storage;
using Affiliates.Tiers;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    /// <summary>How many times a batch is ingested again after a concurrent writer refunded one of its refund targets first.</summary>
    private const int MaxIngestAttempts = 3;

    public async ValueTask<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<ProgramEvent> events, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(events);
        Preconditions.InRange(events.Count, 0, options.MaxEventsPerBatch, nameof(events));
        using Activity? activity = AffiliatesTelemetry.ActivitySource.StartActivity("affiliates.ingest");
        activity?.SetTag("affiliates.events", events.Count);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await IngestOnceAsync(events, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException conflict) when (conflict.Conflict == StoreConflict.EventExists && attempt < MaxIngestAttempts)
            {
                // The unit rolled back whole; the next attempt finds the other writer's refund marker and refuses that refund alone.
            }
        }
    }

    private async ValueTask<IReadOnlyList<IngestResult>> IngestOnceAsync(IReadOnlyList<ProgramEvent> events, CancellationToken cancellationToken)
    {
        var batch = new IngestBatch();
        var results = new IngestResult[events.Count];
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            results[i] = await IngestOneAsync(Preconditions.NotNull(events[i]), batch, unit, cancellationToken).ConfigureAwait(false);
        }

        CommitResult commit = await unit.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Another writer appended some of these ids between our duplicate check and our commit.
        var skipped = new HashSet<string>(commit.SkippedEventIds, StringComparer.Ordinal);
        for (int i = 0; i < results.Length && skipped.Count > 0; i++)
        {
            if (results[i].Status == IngestStatus.Recorded && skipped.Remove(results[i].EventId))
            {
                results[i] = IngestResult.Rejected(results[i].EventId, IngestStatus.Duplicate, "ingested concurrently by another writer");
            }
        }

        foreach (IngestResult result in results)
        {
            AffiliatesTelemetry.EventsIngested.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Status.ToString()));
        }

        return results;
    }

    private async ValueTask<IngestResult> IngestOneAsync(ProgramEvent e, IngestBatch batch, IAffiliateUnitOfWork unit, CancellationToken cancellationToken)
    {
        string id = e.Id ?? string.Empty;
        if (InvalidEvent(e) is { } invalid)
        {
            return IngestResult.Rejected(id, invalid.Status, invalid.Detail);
        }

        Registry? registry = await batch.RegistryAsync(store, e.RegistryId, cancellationToken).ConfigureAwait(false);
        if (registry is null)
        {
            return IngestResult.Rejected(id, IngestStatus.UnknownRegistry, $"registry '{e.RegistryId}' does not exist");
        }

        if (batch.Events.ContainsKey((e.RegistryId, id))
            || await store.GetEventAsync(e.RegistryId, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return IngestResult.Rejected(id, IngestStatus.Duplicate, $"event '{id}' was ingested before");
        }

        IngestResult result = e.Kind == EventKind.Refund
            ? await ClawbackAsync(e, batch, cancellationToken).ConfigureAwait(false)
            : await AttributeAsync(e, registry, batch, unit, cancellationToken).ConfigureAwait(false);
        if (result.Status == IngestStatus.Recorded)
        {
            batch.Add(e, result.Entries);
            unit.AppendEvent(e, result.Entries);
            if (e.Kind == EventKind.Refund)
            {
                // An entry-less marker under an id derived from the refunded event: a later refund finds it and is
                // refused, and of two concurrent refunds only one unit can commit it.
                ProgramEvent marker = e with { Id = RefundMarkerId(e.RefundOf!), Amount = Amount.Zero };
                batch.Add(marker, []);
                unit.AppendNewEvent(marker, []);
            }
        }

        return result;
    }

    /// <summary>Event ids starting with "~refund:" are reserved for these markers.</summary>
    private static string RefundMarkerId(string refundedEventId) => "~refund:" + refundedEventId;

    private static (IngestStatus Status, string Detail)? InvalidEvent(ProgramEvent e)
    {
        if (string.IsNullOrEmpty(e.Id))
        {
            return (IngestStatus.MissingField, "the event id is empty");
        }

        if (string.IsNullOrEmpty(e.UserAddress))
        {
            return (IngestStatus.MissingField, "the user address is empty");
        }

        if (!Enum.IsDefined(e.Kind))
        {
            return (IngestStatus.MissingField, $"event kind {e.Kind} is not defined");
        }

        if (e.Amount.IsNegative || e.Notional.IsNegative)
        {
            return (IngestStatus.NegativeAmount, $"amount {e.Amount} and notional {e.Notional} must not be negative");
        }

        if (e.Amount > IngestResult.MaxAmount || e.Notional > IngestResult.MaxAmount)
        {
            return (IngestStatus.AmountTooLarge, $"amount {e.Amount} or notional {e.Notional} exceeds {IngestResult.MaxAmount}");
        }

        return e.Kind == EventKind.Refund && string.IsNullOrEmpty(e.RefundOf)
            ? (IngestStatus.MissingField, "a refund must name the refunded event")
            : null;
    }

    /// <summary>A refund negates every entry of the refunded event, keeping accounts, codes and terms, so the two net to zero.</summary>
    private async ValueTask<IngestResult> ClawbackAsync(ProgramEvent refund, IngestBatch batch, CancellationToken cancellationToken)
    {
        (ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)? original = batch.Events.TryGetValue((refund.RegistryId, refund.RefundOf!), out var pending)
            ? pending
            : await store.GetEventAsync(refund.RegistryId, refund.RefundOf!, cancellationToken).ConfigureAwait(false) is { } stored
                ? (stored, await store.ListEntriesAsync(refund.RegistryId, stored.Id, cancellationToken).ConfigureAwait(false))
                : null;
        if (original is not { } found || found.Event.Kind == EventKind.Refund)
        {
            return IngestResult.Rejected(refund.Id, IngestStatus.UnknownRefundTarget, $"'{refund.RefundOf}' is not a refundable event");
        }

        string marker = RefundMarkerId(found.Event.Id);
        if (batch.Events.ContainsKey((refund.RegistryId, marker))
            || await store.GetEventAsync(refund.RegistryId, marker, cancellationToken).ConfigureAwait(false) is not null)
        {
            return IngestResult.Rejected(refund.Id, IngestStatus.AlreadyRefunded, $"'{refund.RefundOf}' was refunded before");
        }

        if (found.Event.Amount != refund.Amount)
        {
            return IngestResult.Rejected(refund.Id, IngestStatus.RefundAmountMismatch, $"refund of {refund.Amount} differs from the event's {found.Event.Amount}");
        }

        LedgerEntry[] entries = [.. found.Entries.Select(entry => entry with
        {
            EventId = refund.Id,
            OccurredAt = refund.OccurredAt,
            Amount = -entry.Amount,
            Outcome = FeeOutcome.Clawback,
        })];
        return new IngestResult(refund.Id, IngestStatus.Recorded, FeeOutcome.Clawback, $"clawback of '{refund.RefundOf}'", Multiplier.One, null, entries);
    }

    private async ValueTask<IngestResult> AttributeAsync(ProgramEvent e, Registry registry, IngestBatch batch, IAffiliateUnitOfWork unit, CancellationToken cancellationToken)
    {
        (string? codeText, Binding? via) = await LinkedCodeAsync(e, batch, cancellationToken).ConfigureAwait(false);
        if (codeText is null)
        {
            return ToProtocol(e, FeeOutcome.Unattributed, "no code came with the event and the user has no binding");
        }

        ProgramTerms terms = await batch.TermsAsync(store, registry.Id, via?.TermsVersion ?? registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        string normalized = CodeRules.Normalize(codeText);
        if (!CodeRules.IsWellFormed(normalized, terms))
        {
            return ToProtocol(e, FeeOutcome.MalformedCode, $"code '{normalized}' does not match {terms.CodePattern}");
        }

        PartnerCode? code = await store.GetCodeAsync(registry.Id, normalized, cancellationToken).ConfigureAwait(false);
        if (code is null)
        {
            return ToProtocol(e, FeeOutcome.UnknownCode, $"code '{normalized}' does not exist");
        }

        if (code.Status == CodeStatus.Retired || (via is not null && via.CodeGeneration != code.Generation))
        {
            return ToProtocol(e, FeeOutcome.RetiredCode, $"code '{normalized}' (generation {via?.CodeGeneration ?? code.Generation}) is retired");
        }

        if (IsExcluded(registry, code, e.UserAddress))
        {
            return ToProtocol(e, FeeOutcome.ExcludedAddress, "the user or the partner is excluded");
        }

        if (IsSelfReferral(terms, code, e.UserAddress))
        {
            return ToProtocol(e, FeeOutcome.SelfReferral, "the user is the code's owner or payee");
        }

        if (terms.Kind == ProgramKind.FeeShare && !terms.KickbackRange.Contains(code.Kickback))
        {
            return ToProtocol(e, FeeOutcome.KickbackOutOfRange, $"kickback {code.Kickback} is outside the range of terms version {terms.Version}");
        }

        if (e.Kind == EventKind.VaultDeposit && !string.IsNullOrEmpty(e.Code) && !string.IsNullOrEmpty(e.VaultId))
        {
            var link = new Binding(registry.Id, e.UserAddress, Binding.VaultScope(e.VaultId), code.Code, code.Generation, registry.TermsVersion, BindingStatus.Active, e.OccurredAt);
            batch.Bindings[(registry.Id, e.UserAddress, link.Scope)] = link;
            unit.SaveBinding(link);
        }

        return await SplitAsync(e, terms, code, batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The code passed with the event wins; else a vault event uses the code linked at deposit; else the user's
    /// account binding. Bindings record the terms version the event is then split with.
    /// </summary>
    private async ValueTask<(string? Code, Binding? Via)> LinkedCodeAsync(ProgramEvent e, IngestBatch batch, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(e.Code))
        {
            return (e.Code, null);
        }

        if (!string.IsNullOrEmpty(e.VaultId) && e.Kind is EventKind.FeeCollection or EventKind.VaultDeposit
            && await batch.BindingAsync(store, e.RegistryId, e.UserAddress, Binding.VaultScope(e.VaultId), cancellationToken).ConfigureAwait(false) is { } vault)
        {
            return (vault.Code, vault);
        }

        Binding? account = await batch.BindingAsync(store, e.RegistryId, e.UserAddress, Binding.AccountScope, cancellationToken).ConfigureAwait(false);
        return account is null ? (null, null) : (account.Code, account);
    }

    private async ValueTask<IngestResult> SplitAsync(ProgramEvent e, ProgramTerms terms, PartnerCode code, IngestBatch batch, CancellationToken cancellationToken)
    {
        var entries = new EntryList(e, code, terms.Version);
        Multiplier multiplier = Multiplier.One;
        if (terms.Kind == ProgramKind.FeeShare)
        {
            multiplier = await MultiplierAsync(e, terms, code, batch, cancellationToken).ConfigureAwait(false);
            ReferralFeeSplit split = ReferralFeeSplit.Compute(e.Amount, code.ReferralFeeOverride ?? terms.DefaultReferralFee, multiplier, code.Kickback);
            entries.Add(LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, split.Protocol);
            entries.Add(LedgerEntryKind.Partner, code.PaymentAddress, split.Partner);
            entries.Add(LedgerEntryKind.User, e.UserAddress, split.User);
        }
        else
        {
            entries.Add(LedgerEntryKind.AttributedRevenue, code.PaymentAddress, e.Amount);
        }

        AffiliateFeeCharge? charge = null;
        if (e.Notional.IsPositive && e.Kind is EventKind.Trade or EventKind.VaultDeposit)
        {
            charge = AffiliateFee.Charge(
                e.Notional,
                code.AffiliateFee,
                new AffiliateFeeRange(terms.AffiliateFeeRange.Minimum, terms.AffiliateFeeRange.Maximum),
                e.Kind == EventKind.Trade ? FeeChargePoint.Trade : FeeChargePoint.Deposit);
            entries.Add(LedgerEntryKind.AffiliateFee, code.PaymentAddress, charge.Value.Fee);
        }

        bool feeRefused = charge is { IsApplied: false };
        return new IngestResult(
            e.Id,
            IngestStatus.Recorded,
            feeRefused ? FeeOutcome.AffiliateFeeOutOfRange : FeeOutcome.Applied,
            feeRefused ? $"code '{code.Code}' applied; its affiliate fee {code.AffiliateFee} is outside the terms' range and was not charged" : $"code '{code.Code}' applied",
            multiplier,
            charge,
            entries.ToArray());
    }

    /// <summary>
    /// The ladder is evaluated on the code generation's attributed revenue over the window's whole UTC days ending on
    /// the event's day, up to (excluding) the event's instant: revenue of day D counts through day D + window − 1.
    /// </summary>
    private async ValueTask<Multiplier> MultiplierAsync(ProgramEvent e, ProgramTerms terms, PartnerCode code, IngestBatch batch, CancellationToken cancellationToken)
    {
        if (terms.MultiplierLadder.Count == 0)
        {
            return Multiplier.One;
        }

        int days = TermsValidation.WindowDays(terms);
        LocalDate day = e.OccurredAt.InUtc().Date;
        Instant start = day.PlusDays(1 - days).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var window = new TrailingWindow(days);
        await foreach (LedgerEntry entry in store.ReadCodeLedgerAsync(e.RegistryId, code.Code, code.Generation, start, e.OccurredAt, cancellationToken).ConfigureAwait(false))
        {
            AddRevenue(window, entry);
        }

        if (batch.EntriesByCode.TryGetValue((e.RegistryId, code.Code, code.Generation), out List<LedgerEntry>? pending))
        {
            foreach (LedgerEntry entry in pending)
            {
                if (entry.OccurredAt >= start && entry.OccurredAt < e.OccurredAt)
                {
                    AddRevenue(window, entry);
                }
            }
        }

        var ladder = new Ladder<Multiplier>(
            LadderBoundary.ExclusiveLowerBound,
            terms.MultiplierLadder.Select(step => new LadderStep<Multiplier>(step.Above.Units, step.Multiplier)));
        return ladder.TryEvaluate(window.Total(day).Units, out LadderStep<Multiplier> reached) ? reached.Value : Multiplier.One;
    }

    private static void AddRevenue(TrailingWindow window, LedgerEntry entry)
    {
        if (entry.Kind != LedgerEntryKind.AffiliateFee)
        {
            window.Add(entry.OccurredAt.InUtc().Date, entry.Amount);
        }
    }

    private static IngestResult ToProtocol(ProgramEvent e, FeeOutcome outcome, string detail)
    {
        LedgerEntry[] entries = e.Amount.IsZero
            ? []
            : [new LedgerEntry(e.RegistryId, e.Id, 0, e.OccurredAt, LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, null, 0, 0, e.Amount, outcome)];
        return new IngestResult(e.Id, IngestStatus.Recorded, outcome, detail + "; the revenue goes to the protocol", Multiplier.One, null, entries);
    }

    /// <summary>The entries of one attributed event, numbered in order; zero amounts are left out.</summary>
    private sealed class EntryList(ProgramEvent e, PartnerCode code, int termsVersion)
    {
        private readonly List<LedgerEntry> entries = [];

        public void Add(LedgerEntryKind kind, string account, Amount amount)
        {
            if (!amount.IsZero)
            {
                entries.Add(new LedgerEntry(e.RegistryId, e.Id, entries.Count, e.OccurredAt, kind, account, code.Code, code.Generation, termsVersion, amount, FeeOutcome.Applied));
            }
        }

        public LedgerEntry[] ToArray() => [.. entries];
    }
}
