using Affiliates.Hosting;
using Affiliates.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Programs;

/// <summary>The engine behind <see cref="IAffiliateProgram"/>: reads through the store, writes through one unit of work per call.</summary>
internal sealed partial class ProgramEngine : IAffiliateProgram
{
    private readonly IAffiliateStore store;
    private readonly IClock clock;
    private readonly ISignatureVerifier verifier;
    private readonly AffiliatesOptions options;

    public ProgramEngine(IAffiliateStore store, IClock clock, ISignatureVerifier verifier, IOptions<AffiliatesOptions> options)
    {
        this.store = Preconditions.NotNull(store);
        this.clock = Preconditions.NotNull(clock);
        this.verifier = Preconditions.NotNull(verifier);

        // Reading Value runs the options validators, so a misconfigured host fails on first resolve.
        this.options = Preconditions.NotNull(options).Value;
    }

    public async ValueTask<RegistryResult> CreateRegistryAsync(NewRegistry registry, CancellationToken cancellationToken = default)
    {
        Preconditions.NotNull(registry);
        if (string.IsNullOrWhiteSpace(registry.Id) || string.IsNullOrWhiteSpace(registry.AdminAddress))
        {
            return new RegistryResult(ChangeOutcome.MissingField, "a registry needs an id and an admin address", null);
        }

        List<string> problems = TermsValidation.Problems(Preconditions.NotNull(registry.Terms));
        if (problems.Count > 0)
        {
            return new RegistryResult(ChangeOutcome.InvalidTerms, string.Join("; ", problems), null);
        }

        Instant now = clock.GetCurrentInstant();
        var created = new Registry(registry.Id, registry.Name ?? string.Empty, registry.AdminAddress, 1, [], now, Version: 1);
        if (await store.GetRegistryAsync(registry.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new RegistryResult(ChangeOutcome.RegistryTaken, $"registry '{registry.Id}' exists", null);
        }

        await using IAffiliateUnitOfWork unit = await store.BeginAsync(cancellationToken).ConfigureAwait(false);
        unit.SaveRegistry(created);
        unit.SaveTerms(registry.Terms with { RegistryId = registry.Id, Version = 1, EffectiveFrom = now });
        try
        {
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return new RegistryResult(ChangeOutcome.RegistryTaken, $"registry '{registry.Id}' was created concurrently", null);
        }

        return new RegistryResult(ChangeOutcome.Applied, "created", created);
    }

    private async ValueTask<ProgramTerms> TermsAsync(string registryId, int version, CancellationToken cancellationToken) =>
        await store.GetTermsAsync(registryId, version, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The store has no terms version {version} of registry '{registryId}'.");

    private static bool IsExcluded(Registry registry, string address) => registry.ExcludedAddresses.Contains(address, StringComparer.Ordinal);

    private static bool IsExcluded(Registry registry, PartnerCode code, string user) =>
        IsExcluded(registry, user) || IsExcluded(registry, code.OwnerAddress) || IsExcluded(registry, code.PaymentAddress);

    private static bool IsSelfReferral(ProgramTerms terms, PartnerCode code, string user) =>
        !terms.AllowSelfReferral && (user == code.OwnerAddress || user == code.PaymentAddress);
}
