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
            Buffer(new EventWrite(Preconditions.NotNull(programEvent), [.. Preconditions.NotNull(entries).OrderBy(entry => entry.Sequence)], MustBeNew: false));

        public void AppendNewEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries) =>
            Buffer(new EventWrite(Preconditions.NotNull(programEvent), [.. Preconditions.NotNull(entries).OrderBy(entry => entry.Sequence)], MustBeNew: true));

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
                            Require(!e.MustBeNew, StoreConflict.EventExists, $"{key.RegistryId}/{key.Id}");
                            skipped.Add(e.Event.Id);
                        }

                        break;
                    case SettlementWrite s:
                        Require(!store.settlements.ContainsKey((s.RegistryId, s.EpochId)) && newEpochs.Add((s.RegistryId, s.EpochId)), StoreConflict.EpochAlreadySettled, $"{s.RegistryId}/{s.EpochId}");
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
            if (!store.ledgers.TryGetValue(e.RegistryId, out RegistryLedger? ledger))
            {
                ledger = new RegistryLedger();
                store.ledgers[e.RegistryId] = ledger;
            }

            foreach (LedgerEntry entry in write.Entries)
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

        private sealed record EventWrite(ProgramEvent Event, LedgerEntry[] Entries, bool MustBeNew);

        private sealed record SettlementWrite(string RegistryId, string EpochId, EpochStatement[] Statements, PayoutIntent[] Payouts);

        private sealed record PayoutWrite(PayoutIntent Payout, long ExpectedVersion);
    }
}
