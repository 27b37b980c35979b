using Affiliates.Addresses;
using Affiliates.Hosting;
using Affiliates.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nethereum.Signer;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Evm.Tests;

public sealed class AddEvmTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 0, 0);

    [Fact]
    public async Task Engine_AppliesAChangeSignedWithPersonalSign_AndRefusesAForgery()
    {
        await using ServiceProvider provider = Engine();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        await program.CreateRegistryAsync(new NewRegistry("r1", "R", TestKeys.Address0, ProgramTermsDefaults.FeeShare(Asset.Usd)));
        var create = new CreateCode("ALICE", "", TestKeys.Address1, Rate.Zero, Rate.Zero);
        Instant expires = Now + Duration.FromMinutes(5);
        string message = SignedRequest.MessageFor("r1", TestKeys.Address1, create, "n1", expires);

        ChangeResult forged = await program.ApplyAsync(new SignedRequest("r1", TestKeys.Address1, create, "n0", expires, new EthereumMessageSigner().EncodeUTF8AndSign(message, new EthECKey(TestKeys.Account2))));
        ChangeResult signed = await program.ApplyAsync(new SignedRequest("r1", TestKeys.Address1, create, "n1", expires, new EthereumMessageSigner().EncodeUTF8AndSign(message, new EthECKey(TestKeys.Account1))));

        Assert.Equal(ChangeOutcome.BadSignature, forged.Outcome);
        Assert.Equal(ChangeOutcome.Applied, signed.Outcome);
    }

    [Fact]
    public async Task Engine_AppliesAnAdminChangeSignedAsEip712TypedData()
    {
        await using ServiceProvider provider = Engine();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        await program.CreateRegistryAsync(new NewRegistry("r1", "R", TestKeys.Address0, ProgramTermsDefaults.FeeShare(Asset.Usd)));
        var exclude = new SetExclusion(TestKeys.Address2, true);
        Instant expires = Now + Duration.FromMinutes(5);
        string message = SignedRequest.MessageFor("r1", TestKeys.Address0, exclude, "n1", expires);
        string signature = TypedDataWallet.Sign(SignedRequestTypedData.ToJson(message, 31337), TestKeys.Account0);

        ChangeResult result = await program.ApplyAsync(new SignedRequest("r1", TestKeys.Address0, exclude, "n1", expires, signature));

        Assert.Equal(ChangeOutcome.Applied, result.Outcome);
    }

    [Fact]
    public void AddEvm_RegistersTheCodec_AndCalledTwiceOnlyAddsConfiguration()
    {
        var services = new ServiceCollection();
        IAffiliatesBuilder builder = services.AddAffiliates();

        builder.AddEvm(o => o.ChainId = 1).AddEvm(o => o.Confirmations = 3);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<EvmAddressCodec>(Assert.Single(provider.GetServices<IAddressCodec>()));
        Assert.Single(services, d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService);
        Assert.IsType<EvmSignatureVerifier>(provider.GetRequiredService<ISignatureVerifier>());
        Assert.IsType<EvmAddressCodec>(provider.GetRequiredKeyedService<IAddressCodec>(AddressFamilies.Evm));
        Assert.IsType<EvmSignatureVerifier>(provider.GetRequiredKeyedService<ISignatureVerifier>(AddressFamilies.Evm));
        EvmOptions options = provider.GetRequiredService<IOptions<EvmOptions>>().Value;
        Assert.Equal((1L, 3), (options.ChainId, options.Confirmations));
    }

    [Fact]
    public async Task AddEvm_KeepsTheVerifierRegisteredBefore_ForOtherChainsSigners()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISignatureVerifier>(new NamedVerifier("cFsolana-or-ss58"));
        services.AddAffiliates().AddEvm(o => o.ChainId = 1);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISignatureVerifier verifier = provider.GetRequiredService<ISignatureVerifier>();

        Assert.True(await verifier.VerifyAsync("cFsolana-or-ss58", "m", "s"));
        Assert.False(await verifier.VerifyAsync(TestKeys.Address0, "m", "s"));
    }

    [Fact]
    public void AddEvm_KeepsKeyedVerifiersOfOtherFamilies()
    {
        var services = new ServiceCollection();
        var other = new NamedVerifier("x");
        services.AddKeyedSingleton<ISignatureVerifier>(AddressFamilies.Solana, other);
        services.AddAffiliates().AddEvm(o => o.ChainId = 1);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(other, provider.GetRequiredKeyedService<ISignatureVerifier>(AddressFamilies.Solana));
    }

    [Fact]
    public void InvalidOptions_FailOnFirstResolve_ListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddEvm(o =>
        {
            o.ChainId = 0;
            o.RpcUrl = new Uri("ftp://node");
            o.Chain = " ";
            o.TokenContracts.Add("0x1234");
            o.Confirmations = 0;
            o.MaxFeePerGas = 0;
            o.PriorityFeePercentile = 101;
            o.ReplaceAfter = Duration.Zero;
            o.FeeBumpPercent = 5;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ISignatureVerifier>);

        string[] names = [nameof(EvmOptions.ChainId), nameof(EvmOptions.RpcUrl), nameof(EvmOptions.Chain), "TokenContracts[0]", nameof(EvmOptions.Confirmations), nameof(EvmOptions.MaxFeePerGas), nameof(EvmOptions.PriorityFeePercentile), nameof(EvmOptions.ReplaceAfter), nameof(EvmOptions.FeeBumpPercent)];
        Assert.Equal(names.Length, error.Failures.Count());
        Assert.All(names, name => Assert.Contains(error.Failures, f => f.StartsWith(name, StringComparison.Ordinal)));
    }

    [Fact]
    public void ASignerWithoutAnRpcUrl_IsAnOptionsError()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddEvm(o =>
        {
            o.ChainId = 1;
            o.Signer = new EvmPrivateKeySigner(TestKeys.Account0);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ISignatureVerifier>);

        Assert.Contains(nameof(EvmOptions.RpcUrl), Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static ServiceProvider Engine()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Now));
        services.AddAffiliates().AddEvm(o => o.ChainId = 31337);
        return services.BuildServiceProvider();
    }

    private sealed class NamedVerifier(string signer) : ISignatureVerifier
    {
        public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(signerAddress == signer);
    }
}
