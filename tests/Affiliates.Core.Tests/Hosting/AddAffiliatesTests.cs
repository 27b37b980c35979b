using Affiliates.Hosting;
using Affiliates.Programs;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Tests.Hosting;

public sealed class AddAffiliatesTests
{
    [Fact]
    public void AddAffiliates_RegistersTheEngineWithInMemoryDefaults()
    {
        var services = new ServiceCollection();

        IAffiliatesBuilder builder = services.AddAffiliates();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(services, builder.Services);
        Assert.NotNull(provider.GetRequiredService<IAffiliateProgram>());
        Assert.IsType<InMemoryAffiliateStore>(provider.GetRequiredService<IAffiliateStore>());
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddAffiliates_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddAffiliates();
        services.AddAffiliates(o => o.MaxEventsPerBatch = 5);

        Assert.Single(services, d => d.ServiceType == typeof(IAffiliateProgram));
        Assert.Single(services, d => d.ServiceType == typeof(IAffiliateStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<AffiliatesOptions>));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal(5, provider.GetRequiredService<IOptions<AffiliatesOptions>>().Value.MaxEventsPerBatch);
    }

    [Fact]
    public void AddAffiliates_KeepsAStoreTheHostRegisteredFirst()
    {
        var services = new ServiceCollection();
        var store = new InMemoryAffiliateStore();
        services.AddSingleton<IAffiliateStore>(store);

        services.AddAffiliates();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IAffiliateStore>());
    }

    [Fact]
    public void InvalidOptions_FailOnFirstResolve_ListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAffiliates(o =>
        {
            o.MaxRequestLifetime = Duration.Zero;
            o.MaxEventsPerBatch = 0;
            o.IpHashSalt = null!;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IAffiliateProgram>);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains(nameof(AffiliatesOptions.MaxRequestLifetime), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(AffiliatesOptions.MaxEventsPerBatch), StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains(nameof(AffiliatesOptions.IpHashSalt), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DefaultVerifier_RefusesSignedChangesUntilAChainAdapterAddsOne()
    {
        var services = new ServiceCollection();
        services.AddAffiliates();
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        await program.CreateRegistryAsync(new NewRegistry("r", "R", "admin", ProgramTermsDefaults.FeeShare(Asset.Usd)));
        Instant expires = SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(5);

        ChangeResult result = await program.ApplyAsync(new SignedRequest("r", "alice", new CreateCode("ALICE", "", "pay", Rate.Zero, Rate.Zero), "n1", expires, "sig"));

        Assert.Equal(ChangeOutcome.BadSignature, result.Outcome);
    }

    [Fact]
    public async Task CreateRegistry_WithInvalidTermsOrATakenId_SaysWhy()
    {
        var services = new ServiceCollection();
        services.AddAffiliates();
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        ProgramTerms terms = ProgramTermsDefaults.FeeShare(Asset.Usd);

        RegistryResult invalid = await program.CreateRegistryAsync(new NewRegistry("r", "R", "admin", terms with { MinimumPayout = Amount.FromUnits(-1) }));
        RegistryResult created = await program.CreateRegistryAsync(new NewRegistry("r", "R", "admin", terms));
        RegistryResult taken = await program.CreateRegistryAsync(new NewRegistry("r", "R", "other", terms));
        RegistryResult missing = await program.CreateRegistryAsync(new NewRegistry("", "R", "admin", terms));

        Assert.Equal(ChangeOutcome.InvalidTerms, invalid.Outcome);
        Assert.Contains(nameof(ProgramTerms.MinimumPayout), invalid.Detail, StringComparison.Ordinal);
        Assert.Equal(ChangeOutcome.Applied, created.Outcome);
        Assert.Equal(ChangeOutcome.RegistryTaken, taken.Outcome);
        Assert.Equal(ChangeOutcome.MissingField, missing.Outcome);
    }
}
