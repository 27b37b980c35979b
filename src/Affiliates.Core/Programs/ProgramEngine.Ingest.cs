using System.Diagnostics;
using Affiliates.Fees;
using Affiliates.Kinds;
using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

internal sealed partial class ProgramEngine
{
    /// <summary>How many times a batch is ingested again after a concurrent writer closed an epoch or refunded the same event first.</summary>
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
                (IReadOnlyList<IngestResult> results, IngestBatch batch) = await IngestOnceAsync(events, cancellationToken).ConfigureAwait(false);
                await ApplyHeldRefundsAfterAsync(batch, cancellationToken).ConfigureAwait(false);
                return results;
            }
            catch (StoreConflictException conflict) when (IsRetryable(conflict.Conflict) && attempt < MaxIngestAttempts)
            {
                // The unit rolled back whole; the next attempt reads the other writer's epoch closing or refund.
            }
        }
    }

    private static bool IsRetryable(StoreConflict conflict) =>
        conflict is StoreConflict.ClosedEpochChanged or StoreConflict.RefundChanged or StoreConflict.EventExists;

    private async ValueTask<(IReadOnlyList<IngestResult> Results, IngestBatch Batch)> IngestOnceAsync(IReadOnlyList<ProgramEvent> events, CancellationToken cancellationToken)
    {
        var batch = new IngestBatch();
        var results = new IngestResult[events.Count];
        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < events.Count; i++)
        {
            results[i] = await IngestOneAsync(Preconditions.NotNull(events[i]), batch, unit, cancellationToken).ConfigureAwait(false);
        }

        foreach ((string registryId, ClosedEpoch? closed) in batch.BookedAgainst)
        {
            unit.ExpectClosedEpoch(registryId, closed?.Epoch.Id);
        }

        CommitResult commit = await unit.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Another writer appended some of these ids between our duplicate check and our commit.
        var skipped = new HashSet<string>(commit.SkippedEventIds, StringComparer.Ordinal);
        for (int i = 0; i < results.Length && skipped.Count > 0; i++)
        {
            if (results[i].Status is IngestStatus.Recorded or IngestStatus.Held && skipped.Remove(results[i].EventId))
            {
                ProgramEvent? stored = await store.GetEventAsync(events[i].RegistryId, events[i].Id, cancellationToken).ConfigureAwait(false);
                results[i] = stored == events[i]
                    ? IngestResult.Rejected(results[i].EventId, IngestStatus.Duplicate, "ingested concurrently by another writer")
                    : IngestResult.Rejected(results[i].EventId, IngestStatus.Conflict, "another writer ingested other contents under this id concurrently; nothing was written");
            }
        }

        foreach (IngestResult result in results)
        {
            AffiliatesTelemetry.EventsIngested.Add(1, new KeyValuePair<string, object?>(AffiliatesTelemetry.OutcomeTag, result.Status.ToString()));
        }

        return (results, batch);
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

        ProgramTerms current = await batch.TermsAsync(store, registry.Id, registry.TermsVersion, cancellationToken).ConfigureAwait(false);
        if (!e.Asset.Equals(current.PayoutAsset))
        {
            return IngestResult.Rejected(id, IngestStatus.WrongAsset, $"the event is in {e.Asset}; registry '{registry.Id}' accounts in {current.PayoutAsset}");
        }

        Epoch first = CalendarOf(current).EpochContaining(registry.CreatedAt);
        if (e.OccurredAt < first.Start)
        {
            return IngestResult.Rejected(id, IngestStatus.BeforeFirstEpoch, $"the event at {e.OccurredAt} is before the registry's first epoch {first.Id}");
        }

        ProgramEvent? earlier = batch.Events.TryGetValue((e.RegistryId, id), out var pending)
            ? pending.Event
            : await store.GetEventAsync(e.RegistryId, id, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            return earlier == e
                ? IngestResult.Rejected(id, IngestStatus.Duplicate, $"event '{id}' was ingested before")
                : IngestResult.Rejected(id, IngestStatus.Conflict, $"event '{id}' was ingested before with other contents; nothing was written");
        }

        ClosedEpoch? closed = await batch.ClosedEpochAsync(store, registry.Id, cancellationToken).ConfigureAwait(false);
        Instant bookedAt = BookingOf(e.OccurredAt, closed);
        if (e.Kind == EventKind.Refund)
        {
            return await RefundAsync(e, bookedAt, batch, unit, cancellationToken).ConfigureAwait(false);
        }

        IngestResult result = await AttributeAsync(e, registry, bookedAt, batch, unit, cancellationToken).ConfigureAwait(false);
        batch.Add(e, result.Entries);
        unit.AppendEvent(e, result.Entries);
        IReadOnlyList<string> applied = await ApplyHeldRefundsAsync(e, result.Entries, closed, batch, unit, cancellationToken).ConfigureAwait(false);
        return applied.Count == 0 ? result : result with { AppliedRefunds = applied, Detail = $"{result.Detail}; held refunds applied: {string.Join(", ", applied)}" };
    }

    /// <summary>An event dated in a closed epoch is booked at the start of the first open epoch (late); others at their own time.</summary>
    private static Instant BookingOf(Instant occurredAt, ClosedEpoch? closed) =>
        closed is not null && occurredAt < closed.Epoch.End ? closed.Epoch.End : occurredAt;

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

        if (e.Asset is null)
        {
            return (IngestStatus.MissingField, "the event's asset is missing");
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

        if (e.Kind == EventKind.Refund && string.IsNullOrEmpty(e.RefundOf))
        {
            return (IngestStatus.MissingField, "a refund must name the refunded event");
        }

        return e.Kind == EventKind.Refund && !e.Amount.IsPositive
            ? (IngestStatus.NegativeAmount, "a refund must refund a positive amount")
            : null;
    }

    /// <summary>
    /// A refund of a known event books its amount negated, mirroring the event's revenue entry, if the event's refunds
    /// stay within its amount; a refund of an event not ingested yet is held until that event arrives.
    /// </summary>
    private async ValueTask<IngestResult> RefundAsync(ProgramEvent refund, Instant bookedAt, IngestBatch batch, IAffiliateUnitOfWork unit, CancellationToken cancellationToken)
    {
        (ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)? payment = await EventWithEntriesAsync(refund.RegistryId, refund.RefundOf!, batch, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            var held = new RefundRecord(refund.RegistryId, refund.Id, refund.RefundOf!, refund.OccurredAt, refund.Amount, RefundStatus.Held, 0, Amount.Zero, null);
            batch.Add(refund, []);
            batch.AddRefund(held);
            unit.AppendEvent(refund, []);
            unit.SaveRefund(held, null);
            return new IngestResult(refund.Id, IngestStatus.Held, FeeOutcome.Clawback, $"'{refund.RefundOf}' has not arrived; the refund is held and applied when it does", null, []);
        }

        if (payment.Value.Event.Kind == EventKind.Refund)
        {
            return IngestResult.Rejected(refund.Id, IngestStatus.NotRefundable, $"'{refund.RefundOf}' is itself a refund");
        }

        List<RefundRecord> refunds = await batch.RefundsOfAsync(store, refund.RegistryId, refund.RefundOf!, cancellationToken).ConfigureAwait(false);
        RefundRecord? last = refunds.Where(r => r.Status == RefundStatus.Applied).MaxBy(r => r.Ordinal);
        Amount before = last?.RefundedAfter ?? Amount.Zero;
        if (before + refund.Amount > payment.Value.Event.Amount)
        {
            return IngestResult.Rejected(
                refund.Id, IngestStatus.RefundExceedsPayment, $"refunding {refund.Amount} after {before} would exceed the {payment.Value.Event.Amount} of '{refund.RefundOf}'");
        }

        Instant booked = Instant.Max(bookedAt, payment.Value.Entries.Count > 0 ? payment.Value.Entries[0].BookedAt : bookedAt);
        LedgerEntry[] entries = Reversal(refund, payment.Value.Entries, booked);
        var applied = new RefundRecord(refund.RegistryId, refund.Id, refund.RefundOf!, refund.OccurredAt, refund.Amount, RefundStatus.Applied, (last?.Ordinal ?? 0) + 1, before + refund.Amount, booked);
        batch.Add(refund, entries);
        batch.AddRefund(applied);
        unit.AppendEvent(refund, entries);
        unit.SaveRefund(applied, null);
        return new IngestResult(refund.Id, IngestStatus.Recorded, FeeOutcome.Clawback, $"refund of {refund.Amount} of '{refund.RefundOf}' ({before + refund.Amount} refunded in all)", null, entries);
    }

    /// <summary>The refund's entry: the refunded event's revenue entry with the refund's id, time and amount negated.</summary>
    private static LedgerEntry[] Reversal(ProgramEvent refund, IReadOnlyList<LedgerEntry> paymentEntries, Instant bookedAt)
    {
        LedgerEntry? revenue = paymentEntries.FirstOrDefault(entry => entry.Kind is LedgerEntryKind.AttributedRevenue or LedgerEntryKind.Protocol);
        return revenue is null
            ? []
            : [revenue with
            {
                EventId = refund.Id,
                Sequence = 0,
                OccurredAt = refund.OccurredAt,
                BookedAt = bookedAt,
                Amount = -refund.Amount,
                Outcome = FeeOutcome.Clawback,
                RefundOf = revenue.EventId,
            }];
    }

    private async ValueTask<(ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)?> EventWithEntriesAsync(
        string registryId, string eventId, IngestBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Events.TryGetValue((registryId, eventId), out var pending))
        {
            return pending;
        }

        ProgramEvent? stored = await store.GetEventAsync(registryId, eventId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (stored, await store.ListEntriesAsync(registryId, eventId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Applies the held refunds of an event that just arrived, in (time, id) order, refusing those that would refund more than it.</summary>
    private async ValueTask<IReadOnlyList<string>> ApplyHeldRefundsAsync(
        ProgramEvent payment, IReadOnlyList<LedgerEntry> entries, ClosedEpoch? closed, IngestBatch batch, IAffiliateUnitOfWork unit, CancellationToken cancellationToken)
    {
        List<RefundRecord> refunds = await batch.RefundsOfAsync(store, payment.RegistryId, payment.Id, cancellationToken).ConfigureAwait(false);
        RefundRecord[] held = [.. refunds.Where(r => r.Status == RefundStatus.Held).OrderBy(r => r.OccurredAt).ThenBy(r => r.RefundId, StringComparer.Ordinal)];
        if (held.Length == 0)
        {
            return [];
        }

        RefundRecord? last = refunds.Where(r => r.Status == RefundStatus.Applied).MaxBy(r => r.Ordinal);
        Amount refunded = last?.RefundedAfter ?? Amount.Zero;
        int ordinal = last?.Ordinal ?? 0;
        var applied = new List<string>();
        foreach (RefundRecord refund in held)
        {
            if (refunded + refund.Amount > payment.Amount)
            {
                RefundRecord refused = refund with { Status = RefundStatus.Refused };
                batch.AddRefund(refused);
                unit.SaveRefund(refused, RefundStatus.Held);
                continue;
            }

            ProgramEvent refundEvent = batch.Events.TryGetValue((payment.RegistryId, refund.RefundId), out var pendingRefund)
                ? pendingRefund.Event
                : await store.GetEventAsync(payment.RegistryId, refund.RefundId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Held refund '{refund.RefundId}' has no event.");
            Instant booked = Instant.Max(BookingOf(refund.OccurredAt, closed), entries.Count > 0 ? entries[0].BookedAt : BookingOf(refund.OccurredAt, closed));
            LedgerEntry[] reversal = Reversal(refundEvent, entries, booked);
            refunded += refund.Amount;
            RefundRecord done = refund with { Status = RefundStatus.Applied, Ordinal = ++ordinal, RefundedAfter = refunded, BookedAt = booked };
            batch.AddRefund(done);
            unit.SaveRefund(done, RefundStatus.Held);
            unit.AppendEntries(reversal);
            batch.Events[(payment.RegistryId, refund.RefundId)] = (refundEvent, reversal);
            applied.Add(refund.RefundId);
        }

        return applied;
    }

    /// <summary>
    /// Applies, in units of their own, held refunds whose event is stored now: a refund held by one writer while another
    /// ingested its event concurrently is found here by one of the two, whichever committed last.
    /// </summary>
    private async ValueTask ApplyHeldRefundsAfterAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        var registries = new HashSet<string>(batch.Payments.Keys, StringComparer.Ordinal);
        registries.UnionWith(batch.Refunds.Where(pair => pair.Value.Any(r => r.Status == RefundStatus.Held)).Select(pair => pair.Key.Registry));
        foreach (string registryId in registries)
        {
            IReadOnlyList<RefundRecord> held = await store.ListHeldRefundsAsync(registryId, cancellationToken).ConfigureAwait(false);
            HashSet<string> payments = batch.Payments.GetValueOrDefault(registryId) ?? [];
            var heldHere = new HashSet<string>(
                batch.Refunds.Where(pair => pair.Key.Registry == registryId).SelectMany(pair => pair.Value).Where(r => r.Status == RefundStatus.Held).Select(r => r.RefundId),
                StringComparer.Ordinal);
            foreach (string paymentId in held.Where(r => payments.Contains(r.PaymentId) || heldHere.Contains(r.RefundId)).Select(r => r.PaymentId).Distinct(StringComparer.Ordinal))
            {
                await ApplyStoredHeldRefundsAsync(registryId, paymentId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Applies the held refunds of a stored event in a unit of its own; another writer doing the same first is no error.</summary>
    private async ValueTask ApplyStoredHeldRefundsAsync(string registryId, string paymentId, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= MaxIngestAttempts; attempt++)
        {
            var batch = new IngestBatch();
            (ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)? payment = await EventWithEntriesAsync(registryId, paymentId, batch, cancellationToken).ConfigureAwait(false);
            if (payment is not { } found || found.Event.Kind == EventKind.Refund)
            {
                return;
            }

            await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
            ClosedEpoch? closed = await batch.ClosedEpochAsync(store, registryId, cancellationToken).ConfigureAwait(false);
            if ((await ApplyHeldRefundsAsync(found.Event, found.Entries, closed, batch, unit, cancellationToken).ConfigureAwait(false)).Count == 0
                && !batch.Refunds.Values.SelectMany(r => r).Any())
            {
                return;
            }

            unit.ExpectClosedEpoch(registryId, closed?.Epoch.Id);
            try
            {
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StoreConflictException conflict) when (IsRetryable(conflict.Conflict))
            {
                // Another writer applied them, or closed an epoch, first: read again.
            }
        }
    }

    private async ValueTask<IngestResult> AttributeAsync(ProgramEvent e, Registry registry, Instant bookedAt, IngestBatch batch, IAffiliateUnitOfWork unit, CancellationToken cancellationToken)
    {
        (string? codeText, Binding? via) = await LinkedCodeAsync(e, batch, cancellationToken).ConfigureAwait(false);
        if (codeText is null)
        {
            return ToProtocol(e, bookedAt, FeeOutcome.Unattributed, "no code came with the event and the user has no binding");
        }

        ProgramTerms terms = via is not null
            ? await batch.TermsAsync(store, registry.Id, via.TermsVersion, cancellationToken).ConfigureAwait(false)
            : await batch.TermsInForceAsync(store, registry, e.OccurredAt, cancellationToken).ConfigureAwait(false);
        string normalized = CodeRules.Normalize(codeText);
        if (!CodeRules.IsWellFormed(normalized, terms))
        {
            return ToProtocol(e, bookedAt, FeeOutcome.MalformedCode, $"code '{normalized}' does not match {terms.CodePattern}");
        }

        PartnerCode? code = await store.GetCodeAsync(registry.Id, normalized, cancellationToken).ConfigureAwait(false);
        if (code is null)
        {
            return ToProtocol(e, bookedAt, FeeOutcome.UnknownCode, $"code '{normalized}' does not exist");
        }

        if (code.Status == CodeStatus.Retired || (via is not null && via.CodeGeneration != code.Generation))
        {
            return ToProtocol(e, bookedAt, FeeOutcome.RetiredCode, $"code '{normalized}' (generation {via?.CodeGeneration ?? code.Generation}) is retired");
        }

        if (IsExcluded(registry, code, e.UserAddress))
        {
            return ToProtocol(e, bookedAt, FeeOutcome.ExcludedAddress, "the user or the partner is excluded");
        }

        if (IsSelfReferral(terms, code, e.UserAddress))
        {
            return ToProtocol(e, bookedAt, FeeOutcome.SelfReferral, "the user is the code's owner or payee");
        }

        ProgramRules rules = ProgramRules.For(terms.Kind);
        if (rules.Refusal(terms, code) is { } refusal)
        {
            return ToProtocol(e, bookedAt, refusal.Outcome, refusal.Detail);
        }

        if (e.Kind == EventKind.VaultDeposit && !string.IsNullOrEmpty(e.Code) && !string.IsNullOrEmpty(e.VaultId))
        {
            var link = new Binding(registry.Id, e.UserAddress, Binding.VaultScope(e.VaultId), code.Code, code.Generation, terms.Version, BindingStatus.Active, e.OccurredAt);
            batch.Bindings[(registry.Id, e.UserAddress, link.Scope)] = link;
            unit.SaveBinding(link);
        }

        return Book(e, bookedAt, terms, rules, code);
    }

    /// <summary>
    /// The code passed with the event wins; else a vault event uses the code linked at deposit; else the user's
    /// account binding. Bindings record the terms version the event is then priced under; an event with its own code
    /// is priced under the terms in force at its time.
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

    /// <summary>Books the revenue to the partner (priced at settlement) and the affiliate fee charged on top.</summary>
    private static IngestResult Book(ProgramEvent e, Instant bookedAt, ProgramTerms terms, ProgramRules rules, PartnerCode code)
    {
        var entries = new List<LedgerEntry>(2);
        LedgerEntry revenue = rules.Book(
            new LedgerEntry(e.RegistryId, e.Id, 0, e.OccurredAt, LedgerEntryKind.AttributedRevenue, code.OwnerAddress, code.Code, code.Generation, terms.Version, e.Amount, FeeOutcome.Applied)
            {
                BookedAt = bookedAt,
                User = e.UserAddress,
            },
            terms,
            code);
        bool creditsNothing = rules.CreditsNothing(revenue, terms);
        if (!e.Amount.IsZero)
        {
            entries.Add(creditsNothing ? revenue with { Outcome = FeeOutcome.NothingCredited } : revenue);
        }

        AffiliateFeeCharge? charge = null;
        if (e.Notional.IsPositive && e.Kind is EventKind.Trade or EventKind.VaultDeposit)
        {
            charge = AffiliateFee.Charge(
                e.Notional,
                code.AffiliateFee,
                new AffiliateFeeRange(terms.AffiliateFeeRange.Minimum, terms.AffiliateFeeRange.Maximum),
                e.Kind == EventKind.Trade ? FeeChargePoint.Trade : FeeChargePoint.Deposit);
            if (!charge.Value.Fee.IsZero)
            {
                entries.Add(revenue with { Sequence = entries.Count, Kind = LedgerEntryKind.AffiliateFee, Amount = charge.Value.Fee, Outcome = FeeOutcome.Applied });
            }
        }

        bool feeRefused = charge is { IsApplied: false };
        (FeeOutcome outcome, string detail) = (feeRefused, creditsNothing) switch
        {
            (true, _) => (FeeOutcome.AffiliateFeeOutOfRange, $"code '{code.Code}' applied; its affiliate fee {code.AffiliateFee} is outside the terms' range and was not charged"),
            (_, true) => (FeeOutcome.NothingCredited, $"code '{code.Code}' applied, but its split credits nobody even at the best multiplier; the revenue goes to the protocol"),
            _ => (FeeOutcome.Applied, $"code '{code.Code}' applied; the commission is priced when the epoch is settled"),
        };
        if (charge is { IsApplied: true, Fee.IsPositive: true })
        {
            detail += $"; an affiliate fee of {charge.Value.Fee} is charged on top of the notional, for the host to collect";
        }

        return new IngestResult(e.Id, IngestStatus.Recorded, outcome, detail, charge, entries);
    }

    private static IngestResult ToProtocol(ProgramEvent e, Instant bookedAt, FeeOutcome outcome, string detail)
    {
        LedgerEntry[] entries = e.Amount.IsZero
            ? []
            : [new LedgerEntry(e.RegistryId, e.Id, 0, e.OccurredAt, LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, null, 0, 0, e.Amount, outcome) { BookedAt = bookedAt }];
        return new IngestResult(e.Id, IngestStatus.Recorded, outcome, detail + "; the revenue goes to the protocol", null, entries);
    }
}
