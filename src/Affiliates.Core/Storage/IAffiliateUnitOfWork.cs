using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Storage;

/// <summary>Buffered writes that <see cref="CommitAsync"/> applies atomically; disposing without committing writes nothing.</summary>
/// <remarks>
/// <para>
/// Conflicts are detected at commit, against the committed state and against earlier writes of the same unit; any
/// conflict rolls the whole unit back and throws <see cref="StoreConflictException"/>. A unit commits at most once.
/// </para>
/// <para>
/// The one rule for mutable records: every write compares and sets. A registry and a code generation carry a
/// <c>Version</c> that counts their writes; a write of version N commits only if the stored version is N − 1 (none
/// stored, when N is 1). So a writer that decided on what it read can never overwrite a change it did not see: it
/// gets a conflict, reads again and decides again. A binding is compared as a whole record
/// (<see cref="ReplaceBinding"/>) and a payout by the version its writer names (<see cref="SavePayout"/>). Terms
/// versions, events, settlements and nonces are never changed once written: inserting one again conflicts.
/// </para>
/// </remarks>
public interface IAffiliateUnitOfWork : IAsyncDisposable
{
    /// <summary>
    /// Writes version <see cref="Registry.Version"/> of a registry, its terms pointer and exclusions with it: version 1
    /// conflicts with <see cref="StoreConflict.RegistryTaken"/> if the registry exists, a later one with
    /// <see cref="StoreConflict.RegistryChanged"/> unless the stored version is the one before.
    /// </summary>
    void SaveRegistry(Registry registry);

    /// <summary>Inserts a terms version; conflicts with <see cref="StoreConflict.TermsVersionExists"/> if that version exists.</summary>
    void SaveTerms(ProgramTerms terms);

    /// <summary>
    /// Writes version <see cref="PartnerCode.Version"/> of a code generation, by (registry, code, generation): version 1
    /// conflicts with <see cref="StoreConflict.CodeTaken"/> if that generation exists, a later one with
    /// <see cref="StoreConflict.CodeChanged"/> unless the stored version is the one before.
    /// </summary>
    void SaveCode(PartnerCode code);

    /// <summary>Inserts or replaces a binding by (registry, user, scope).</summary>
    void SaveBinding(Binding binding);

    /// <summary>
    /// Inserts or replaces a binding by (registry, user, scope) if the stored one is still <paramref name="expected"/>
    /// (<see langword="null"/>: none is stored); else conflicts with <see cref="StoreConflict.BindingChanged"/>.
    /// </summary>
    void ReplaceBinding(Binding binding, Binding? expected);

    /// <summary>Inserts a click by its token.</summary>
    void SaveClick(AttributionClick click);

    /// <summary>Consumes a signer's nonce; conflicts with <see cref="StoreConflict.NonceUsed"/> if it was consumed before.</summary>
    /// <param name="signer">The signing address.</param>
    /// <param name="nonce">The nonce.</param>
    /// <param name="expiresAt">The signed request's expiry, which <see cref="ForgetNonces"/> compares against.</param>
    void ConsumeNonce(string signer, string nonce, Instant expiresAt);

    /// <summary>Forgets consumed nonces whose requests expired before <paramref name="expiredBefore"/>: an expired request is refused whatever its nonce.</summary>
    void ForgetNonces(Instant expiredBefore);

    /// <summary>Appends an event and its entries, unless (registry, event id) exists: then both are skipped and reported by the commit.</summary>
    void AppendEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries);

    /// <summary>Appends an event and its entries that must be new; conflicts with <see cref="StoreConflict.EventExists"/> if (registry, event id) exists.</summary>
    /// <remarks>A guard for what may happen once: two concurrent units that both append it cannot both commit.</remarks>
    void AppendNewEvent(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries);

    /// <summary>Records an epoch's statements and payout intents; conflicts with <see cref="StoreConflict.EpochAlreadySettled"/> if the epoch was settled.</summary>
    void SaveSettlement(string registryId, string epochId, IReadOnlyList<EpochStatement> statements, IReadOnlyList<PayoutIntent> payouts);

    /// <summary>Replaces a payout if its stored version equals <paramref name="expectedVersion"/>; else conflicts with <see cref="StoreConflict.PayoutVersionMismatch"/>.</summary>
    void SavePayout(PayoutIntent payout, long expectedVersion);

    /// <summary>Applies every buffered write atomically.</summary>
    /// <exception cref="StoreConflictException">A write conflicted; nothing was written.</exception>
    ValueTask<CommitResult> CommitAsync(CancellationToken cancellationToken = default);
}
