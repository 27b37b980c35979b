using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Programs;

/// <summary>What a host calls to run referral programs: registries, codes, signed changes, attribution, events, totals.</summary>
/// <remarks>Every method returns an explicit result naming why something was refused; none throws for bad input from users.</remarks>
public interface IAffiliateProgram
{
    /// <summary>Creates a registry with its first terms (version 1).</summary>
    ValueTask<RegistryResult> CreateRegistryAsync(NewRegistry registry, CancellationToken cancellationToken = default);

    /// <summary>Applies a signed change (create code, partner settings, admin settings, new terms).</summary>
    /// <remarks>A change whose registry or code another writer changed meanwhile is decided again on the latest state, so
    /// that no change is lost; after three such conflicts in a row the result is <see cref="ChangeOutcome.Conflict"/>.</remarks>
    ValueTask<ChangeResult> ApplyAsync(SignedRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records a click on a referral link and issues an attribution token valid for the registry's window.</summary>
    ValueTask<ClickResult> RecordClickAsync(ClickRequest click, CancellationToken cancellationToken = default);

    /// <summary>Binds a converting user to the code of their token or the code they gave.</summary>
    /// <remarks>A binding another writer changed meanwhile is read again and the decision made on it.</remarks>
    /// <exception cref="Storage.StoreConflictException">Other writers changed the user's binding first three times in a row
    /// (<see cref="Storage.StoreConflict.BindingChanged"/>); nothing was written, and the conversion can be sent again.</exception>
    ValueTask<BindResult> ConvertAsync(ConversionRequest conversion, CancellationToken cancellationToken = default);

    /// <summary>Removes a user's account-wide binding, where the registry's policy allows it; the host authenticates the user.</summary>
    /// <exception cref="Storage.StoreConflictException">Other writers changed the user's binding first three times in a row
    /// (<see cref="Storage.StoreConflict.BindingChanged"/>); nothing was written.</exception>
    ValueTask<BindResult> RemoveBindingAsync(string registryId, string userAddress, CancellationToken cancellationToken = default);

    /// <summary>Ingests events in order, idempotently by (registry, id), committing them together.</summary>
    /// <remarks>When another writer refunds one of the batch's refund targets first, the batch is ingested again and that
    /// refund alone is refused as <see cref="IngestStatus.AlreadyRefunded"/>.</remarks>
    /// <exception cref="Storage.StoreConflictException">That happened three times in a row
    /// (<see cref="Storage.StoreConflict.EventExists"/>); nothing of the batch was written, and it can be sent again.</exception>
    ValueTask<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<ProgramEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Returns per-code totals over [<paramref name="start"/>, <paramref name="end"/>), highest partner earnings first, then revenue, then code.</summary>
    ValueTask<IReadOnlyList<CodeTotals>> GetTotalsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles the ended epoch containing <paramref name="inEpoch"/> under the registry's current terms: one statement per
    /// partner with earnings or a balance, payout intents with stable ids, a Merkle root. Settling twice, or from two
    /// workers at once, stores one settlement; the later call gets <see cref="SettlementOutcome.AlreadySettled"/>.
    /// </summary>
    ValueTask<SettlementResult> SettleEpochAsync(string registryId, Instant inEpoch, CancellationToken cancellationToken = default);
}
