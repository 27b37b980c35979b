using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Storage;

internal sealed partial class InMemoryAffiliateStore
{
    /// <summary>Buffers writes; <see cref="CommitAsync"/> checks every conflict, then applies them all, under the store's lock.</summary>
    private sealed class UnitOfWork(InMemoryAffiliateStore store) : IAffiliateUnitOfWork
    {
        private readonly List<object> writes = [];
        private bool finished;

        public void SaveRegistry(Registry registry) => Buffer(Preconditions.NotNull(registry));

        public void SaveTerms(ProgramTerms terms) => Buffer(Preconditions.NotNull(terms));

        public void SaveCode(PartnerCode code) => Buffer(Preconditions.NotNull(code));

        public void SaveBinding(Binding binding) => Buffer(Preconditions.NotNull(binding));

        public void ReplaceBinding(Binding binding, Binding? expected) => Buffer(new BindingWrite(Preconditions.NotNull(binding), expected));

        public void SaveClick(AttributionClick click) => Buffer(Preconditions.NotNull(click));

        public void ConsumeNonce(string signer, string nonce, Instant expiresAt) =>
            Buffer(new NonceWrite(Preconditions.NotNull(signer), Preconditions.NotNull(nonce), expiresAt));

        public void ForgetNonces(Instant expiredBefore) => Buffer(new ForgetNoncesWrite(expiredBefore));

        public void AppendEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries) =>
            Buffer(new EventWrite(Preconditions.NotNull(programEvent), [.. Preconditions.NotNull(entries).OrderBy(entry => entry.Sequence)]));

        public void AppendEntries(IReadOnlyList<LedgerEntry> entries) => Buffer(new EntriesWrite([.. Preconditions.NotNull(entries)]));

        public void SaveRefund(RefundRecord refund, RefundStatus? expected) => Buffer(new RefundWrite(Preconditions.NotNull(refund), expected));

        public void ExpectClosedEpoch(string registryId, string? epochId) => Buffer(new ExpectClosedWrite(Preconditions.NotNull(registryId), epochId));

        public void CloseEpoch(ClosedEpoch closed, string? previousEpochId) => Buffer(new CloseWrite(Preconditions.NotNull(closed), previousEpochId));

        public void SaveSettlement(string registryId, string epochId, IReadOnlyList<EpochStatement> statements, IReadOnlyList<PayoutIntent> payouts) =>
            Buffer(new SettlementWrite(Preconditions.NotNull(registryId), Preconditions.NotNull(epochId), [.. Preconditions.NotNull(statements)], [.. Preconditions.NotNull(payouts)]));

        public void SavePayout(PayoutIntent payout, long expectedVersion) =>
            Buffer(new PayoutWrite(Preconditions.NotNull(payout), expectedVersion));

        public ValueTask<CommitResult> CommitAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(finished, this);
            finished = true;
            lock (store.gate)
            {
                List<string> skipped = Check();
                Apply();
                return ValueTask.FromResult(skipped.Count == 0 ? CommitResult.Clean : new CommitResult(skipped));
            }
        }

        public ValueTask DisposeAsync()
        {
            finished = true;
            writes.Clear();
            return ValueTask.CompletedTask;
        }

        private void Buffer(object write)
        {
            ObjectDisposedException.ThrowIf(finished, this);
            writes.Add(write);
        }

        /// <summary>Finds conflicts against the store and against this unit's earlier writes; returns the duplicate events.</summary>
        private List<string> Check()
        {
            var skipped = new List<string>();
            var registryVersions = new Dictionary<string, long>(StringComparer.Ordinal);
            var codeVersions = new Dictionary<(string, string, int), long>();
            var newTerms = new HashSet<(string, int)>();
            var newNonces = new HashSet<(string, string)>();
            var newEvents = new HashSet<(string, string)>();
            var newEpochs = new HashSet<(string, string)>();
            var payoutVersions = new Dictionary<string, long>(StringComparer.Ordinal);
            var bindings = new Dictionary<(string, string, string), Binding>();
            var closed = new Dictionary<string, string?>(StringComparer.Ordinal);
            var refunds = new Dictionary<(string, string), RefundRecord>();
            var newEntries = new HashSet<(string, string, int)>();
            Instant forgetBefore = Instant.MinValue;
            foreach (object write in writes)
            {
                switch (write)
                {
                    case Registry r:
                        long registryVersion = registryVersions.TryGetValue(r.Id, out long pending) ? pending : store.registries.GetValueOrDefault(r.Id)?.Version ?? 0;
                        Require(registryVersion == r.Version - 1, r.Version == 1 ? StoreConflict.RegistryTaken : StoreConflict.RegistryChanged, r.Id);
                        registryVersions[r.Id] = r.Version;
                        break;
                    case ProgramTerms t:
                        Require(!store.terms.ContainsKey((t.RegistryId, t.Version)) && newTerms.Add((t.RegistryId, t.Version)), StoreConflict.TermsVersionExists, $"{t.RegistryId}/{t.Version}");
                        break;
                    case PartnerCode c:
                        long codeVersion = codeVersions.TryGetValue((c.RegistryId, c.Code, c.Generation), out long pendingCode) ? pendingCode : StoredVersion(c);
                        Require(codeVersion == c.Version - 1, c.Version == 1 ? StoreConflict.CodeTaken : StoreConflict.CodeChanged, $"{c.RegistryId}/{c.Code}/{c.Generation}");
                        codeVersions[(c.RegistryId, c.Code, c.Generation)] = c.Version;
                        break;
                    case Binding b:
                        bindings[(b.RegistryId, b.UserAddress, b.Scope)] = b;
                        break;
                    case BindingWrite w:
                        var bindingKey = (w.Binding.RegistryId, w.Binding.UserAddress, w.Binding.Scope);
                        Binding? stored = bindings.TryGetValue(bindingKey, out Binding? pendingBinding) ? pendingBinding : store.bindings.GetValueOrDefault(bindingKey);
                        Require(Equals(stored, w.Expected), StoreConflict.BindingChanged, $"{bindingKey.RegistryId}/{bindingKey.UserAddress}/{bindingKey.Scope}");
                        bindings[bindingKey] = w.Binding;
                        break;
                    case ForgetNoncesWrite f:
                        forgetBefore = Instant.Max(forgetBefore, f.ExpiredBefore);
                        break;
                    case NonceWrite n:
                        bool remembered = store.nonces.TryGetValue((n.Signer, n.Nonce), out Instant expiry) && expiry >= forgetBefore;
                        Require(!remembered && newNonces.Add((n.Signer, n.Nonce)), StoreConflict.NonceUsed, $"{n.Signer}/{n.Nonce}");
                        break;
                    case EventWrite e:
                        var key = (e.Event.RegistryId, e.Event.Id);
                        if (store.events.ContainsKey(key) || !newEvents.Add(key))
                        {
                            skipped.Add(e.Event.Id);
                        }

                        break;
                    case EntriesWrite x:
                        foreach (LedgerEntry entry in x.Entries)
                        {
                            if (!store.events.ContainsKey((entry.RegistryId, entry.EventId)) && !newEvents.Contains((entry.RegistryId, entry.EventId)))
                            {
                                throw new InvalidOperationException($"Entries of '{entry.EventId}' can only be appended to an event appended before.");
                            }

                            bool exists = store.events.TryGetValue((entry.RegistryId, entry.EventId), out var existing) && existing.Entries.Any(e => e.Sequence == entry.Sequence);
                            Require(!exists && newEntries.Add((entry.RegistryId, entry.EventId, entry.Sequence)), StoreConflict.EventExists, $"{entry.RegistryId}/{entry.EventId}#{entry.Sequence}");
                        }

                        break;
                    case RefundWrite r:
                        var refundKey = (r.Refund.RegistryId, r.Refund.RefundId);
                        RefundRecord? storedRefund = refunds.TryGetValue(refundKey, out RefundRecord? pendingRefund) ? pendingRefund : store.refunds.GetValueOrDefault(refundKey);
                        Require(r.Expected is null ? storedRefund is null : storedRefund?.Status == r.Expected, StoreConflict.RefundChanged, $"{refundKey.RegistryId}/{refundKey.RefundId}");
                        Require(r.Refund.Status != RefundStatus.Applied || !OrdinalTaken(r.Refund, refunds), StoreConflict.RefundChanged, $"{r.Refund.RegistryId}/{r.Refund.PaymentId}#{r.Refund.Ordinal}");
                        refunds[refundKey] = r.Refund;
                        break;
                    case ExpectClosedWrite x:
                        Require(ClosedEpochOf(x.RegistryId, closed) == x.EpochId, StoreConflict.ClosedEpochChanged, x.RegistryId);
                        break;
                    case CloseWrite c:
                        Require(ClosedEpochOf(c.Closed.RegistryId, closed) == c.PreviousEpochId, StoreConflict.ClosedEpochChanged, c.Closed.RegistryId);
                        closed[c.Closed.RegistryId] = c.Closed.Epoch.Id;
                        break;
                    case SettlementWrite s:
                        Require(!store.settlements.ContainsKey((s.RegistryId, s.EpochId)) && newEpochs.Add((s.RegistryId, s.EpochId)), StoreConflict.EpochAlreadySettled, $"{s.RegistryId}/{s.EpochId}");
                        Require(ClosedEpochOf(s.RegistryId, closed) == s.EpochId, StoreConflict.ClosedEpochChanged, $"{s.RegistryId}/{s.EpochId}");
                        foreach (PayoutIntent p in s.Payouts)
                        {
                            payoutVersions[p.Id] = p.Version;
                        }

                        break;
                    case PayoutWrite p:
                        long? current = payoutVersions.TryGetValue(p.Payout.Id, out long v) ? v : store.payouts.GetValueOrDefault(p.Payout.Id)?.Version;
                        Require(current == p.ExpectedVersion, StoreConflict.PayoutVersionMismatch, p.Payout.Id);
                        payoutVersions[p.Payout.Id] = p.Payout.Version;
                        break;
                    default:
                        break;
                }
            }

            return skipped;
        }

        private string? ClosedEpochOf(string registryId, Dictionary<string, string?> pending) =>
            pending.TryGetValue(registryId, out string? epochId) ? epochId : store.closedEpochs.GetValueOrDefault(registryId)?.Epoch.Id;

        /// <summary>Returns whether another applied refund of the same event, stored or pending, has the refund's ordinal.</summary>
        private bool OrdinalTaken(RefundRecord refund, Dictionary<(string, string), RefundRecord> pending)
        {
            IEnumerable<RefundRecord> stored = store.refundsByPayment.TryGetValue((refund.RegistryId, refund.PaymentId), out List<string>? ids)
                ? ids.Select(id => pending.GetValueOrDefault((refund.RegistryId, id)) ?? store.refunds[(refund.RegistryId, id)])
                : [];
            IEnumerable<RefundRecord> others = stored.Concat(pending.Values.Where(p => p.RegistryId == refund.RegistryId && p.PaymentId == refund.PaymentId));
            return others.Any(o => o.RefundId != refund.RefundId && o.Status == RefundStatus.Applied && o.Ordinal == refund.Ordinal);
        }

        private long StoredVersion(PartnerCode code) =>
            store.codes.TryGetValue((code.RegistryId, code.Code), out SortedList<int, PartnerCode>? generations)
            && generations.TryGetValue(code.Generation, out PartnerCode? stored) ? stored.Version : 0;

        private void Apply()
        {
            foreach (object write in writes)
            {
                switch (write)
                {
                    case Registry r:
                        store.registries[r.Id] = r;
                        break;
                    case ProgramTerms t:
                        store.terms[(t.RegistryId, t.Version)] = t;
                        break;
                    case PartnerCode c:
                        if (!store.codes.TryGetValue((c.RegistryId, c.Code), out SortedList<int, PartnerCode>? generations))
                        {
                            generations = [];
                            store.codes[(c.RegistryId, c.Code)] = generations;
                        }

                        generations[c.Generation] = c;
                        if (!store.codesByOwner.TryGetValue((c.RegistryId, c.OwnerAddress), out SortedSet<string>? owned))
                        {
                            owned = new SortedSet<string>(StringComparer.Ordinal);
                            store.codesByOwner[(c.RegistryId, c.OwnerAddress)] = owned;
                        }

                        owned.Add(c.Code);
                        break;
                    case Binding b:
                        store.bindings[(b.RegistryId, b.UserAddress, b.Scope)] = b;
                        break;
                    case BindingWrite w:
                        store.bindings[(w.Binding.RegistryId, w.Binding.UserAddress, w.Binding.Scope)] = w.Binding;
                        break;
                    case AttributionClick k:
                        store.clicks[k.Token] = k;
                        break;
                    case NonceWrite n:
                        store.nonces[(n.Signer, n.Nonce)] = n.ExpiresAt;
                        store.nonceExpiries.Enqueue((n.Signer, n.Nonce), n.ExpiresAt);
                        break;
                    case ForgetNoncesWrite f:
                        while (store.nonceExpiries.TryPeek(out (string Signer, string Nonce) oldest, out Instant expiresAt) && expiresAt < f.ExpiredBefore)
                        {
                            store.nonceExpiries.Dequeue();
                            store.nonces.Remove(oldest);
                        }

                        break;
                    case EventWrite e:
                        ApplyEvent(e);
                        break;
                    case EntriesWrite x:
                        ApplyEntries(x.Entries);
                        break;
                    case RefundWrite r:
                        if (store.refunds.TryAdd((r.Refund.RegistryId, r.Refund.RefundId), r.Refund))
                        {
                            if (!store.refundsByPayment.TryGetValue((r.Refund.RegistryId, r.Refund.PaymentId), out List<string>? ids))
                            {
                                ids = [];
                                store.refundsByPayment[(r.Refund.RegistryId, r.Refund.PaymentId)] = ids;
                            }

                            ids.Add(r.Refund.RefundId);
                        }
                        else
                        {
                            store.refunds[(r.Refund.RegistryId, r.Refund.RefundId)] = r.Refund;
                        }

                        break;
                    case CloseWrite c:
                        store.closedEpochs[c.Closed.RegistryId] = c.Closed;
                        break;
                    case SettlementWrite s:
                        store.settlements[(s.RegistryId, s.EpochId)] = s.Statements;
                        foreach (PayoutIntent p in s.Payouts)
                        {
                            store.payouts[p.Id] = p;
                        }

                        break;
                    case PayoutWrite p:
                        store.payouts[p.Payout.Id] = p.Payout;
                        break;
                    default:
                        break;
                }
            }

            writes.Clear();
        }

        private void ApplyEvent(EventWrite write)
        {
            ProgramEvent e = write.Event;
            if (!store.events.TryAdd((e.RegistryId, e.Id), (e, write.Entries)))
            {
                return;
            }

            store.usersWithEvents.Add((e.RegistryId, e.UserAddress));
            AddToLedger(e.RegistryId, write.Entries);
        }

        private void ApplyEntries(LedgerEntry[] entries)
        {
            foreach (IGrouping<(string RegistryId, string EventId), LedgerEntry> byEvent in entries.GroupBy(e => (e.RegistryId, e.EventId)))
            {
                (ProgramEvent Event, LedgerEntry[] Entries) stored = store.events[byEvent.Key];
                store.events[byEvent.Key] = (stored.Event, [.. stored.Entries.Concat(byEvent).OrderBy(e => e.Sequence)]);
                AddToLedger(byEvent.Key.RegistryId, [.. byEvent]);
            }
        }

        private void AddToLedger(string registryId, LedgerEntry[] entries)
        {
            if (!store.ledgers.TryGetValue(registryId, out RegistryLedger? ledger))
            {
                ledger = new RegistryLedger();
                store.ledgers[registryId] = ledger;
            }

            foreach (LedgerEntry entry in entries)
            {
                ledger.Add(entry);
            }
        }

        private static void Require(bool condition, StoreConflict conflict, string key)
        {
            if (!condition)
            {
                throw new StoreConflictException(conflict, key);
            }
        }

        private sealed record BindingWrite(Binding Binding, Binding? Expected);

        private sealed record NonceWrite(string Signer, string Nonce, Instant ExpiresAt);

        private sealed record ForgetNoncesWrite(Instant ExpiredBefore);

        private sealed record EventWrite(ProgramEvent Event, LedgerEntry[] Entries);

        private sealed record EntriesWrite(LedgerEntry[] Entries);

        private sealed record RefundWrite(RefundRecord Refund, RefundStatus? Expected);

        private sealed record ExpectClosedWrite(string RegistryId, string? EpochId);

        private sealed record CloseWrite(ClosedEpoch Closed, string? PreviousEpochId);

        private sealed record SettlementWrite(string RegistryId, string EpochId, EpochStatement[] Statements, PayoutIntent[] Payouts);

        private sealed record PayoutWrite(PayoutIntent Payout, long ExpectedVersion);
    }
}
