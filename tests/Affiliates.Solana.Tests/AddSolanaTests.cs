using System.Text;
using Affiliates.Addresses;
using Affiliates.Hosting;
using Affiliates.Programs;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Solana.Tests;

public sealed class AddSolanaTests
{
    private sealed class RecordingVerifier : ISignatureVerifier
    {
        public List<string> Signers { get; } = [];

        public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default)
        {
            Signers.Add(signerAddress);
            return ValueTask.FromResult(true);
        }
    }

    [Fact]
    public void AddSolana_RegistersTheCodecAndVerifier_AlsoKeyedByFamily()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddSolana();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<SolanaSignatureVerifier>(provider.GetRequiredService<ISignatureVerifier>());
        Assert.IsType<SolanaSignatureVerifier>(provider.GetRequiredKeyedService<ISignatureVerifier>(AddressFamilies.Solana));
        Assert.Contains(provider.GetServices<IAddressCodec>(), c => c.Family == AddressFamilies.Solana);
        Assert.Equal(AddressFamilies.Solana, provider.GetRequiredKeyedService<IAddressCodec>(AddressFamilies.Solana).Family);
    }

    [Fact]
    public async Task Verifier_HandsOtherChainsSignersToTheVerifierRegisteredBefore()
    {
        var other = new RecordingVerifier();
        var services = new ServiceCollection();
        services.AddSingleton<ISignatureVerifier>(other);
        services.AddAffiliates().AddSolana();
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISignatureVerifier verifier = provider.GetRequiredService<ISignatureVerifier>();
        Keypair wallet = Keypair.Generate();
        string signature = Base58Text.Encode(wallet.Sign(Encoding.UTF8.GetBytes("hello")));

        Assert.True(await verifier.VerifyAsync(wallet.PublicKey.Key, "hello", signature));
        Assert.True(await verifier.VerifyAsync("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "hello", "0xsig"));
        Assert.False(await verifier.VerifyAsync(wallet.PublicKey.Key, "hello", "0xsig"));
        Assert.Equal(["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"], other.Signers);
        Assert.False(await provider.GetRequiredKeyedService<ISignatureVerifier>(AddressFamilies.Solana).VerifyAsync("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "hello", "0xsig"));
    }

    [Fact]
    public void RpcClient_UsesTheOptions_AndSaysWhatIsMissingWithoutAnUrl()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddSolana(o => { o.RpcUrl = new Uri("http://127.0.0.1:8899"); o.Commitment = SolanaCommitment.Finalized; });
        using ServiceProvider provider = services.BuildServiceProvider();
        SolanaRpcClient rpc = provider.GetRequiredService<SolanaRpcClient>();
        Assert.Equal(new Uri("http://127.0.0.1:8899"), rpc.Endpoint);
        Assert.Equal(SolanaCommitment.Finalized, rpc.Commitment);

        var bare = new ServiceCollection();
        bare.AddAffiliates().AddSolana();
        using ServiceProvider none = bare.BuildServiceProvider();
        var e = Assert.Throws<InvalidOperationException>(none.GetRequiredService<SolanaRpcClient>);
        Assert.Contains(nameof(SolanaOptions.RpcUrl), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSolana_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddSolana().AddSolana(o => o.ReadRetries = 1);

        Assert.Single(services, d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IAddressCodec) && !d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<SolanaOptions>));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal(1, provider.GetRequiredService<IOptions<SolanaOptions>>().Value.ReadRetries);
    }

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddSolana(o =>
        {
            o.RpcUrl = new Uri("ftp://example.com");
            o.Commitment = SolanaCommitment.Unknown;
            o.RequestTimeout = TimeSpan.Zero;
            o.ReadRetries = -1;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SolanaOptions>>().Value);

        Assert.Equal(4, error.Failures.Count());
        foreach (string name in new[] { nameof(SolanaOptions.RpcUrl), nameof(SolanaOptions.Commitment), nameof(SolanaOptions.RequestTimeout), nameof(SolanaOptions.ReadRetries) })
        {
            Assert.Contains(error.Failures, f => f.StartsWith(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Payer_WithoutRpcUrl_IsAProblem()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddSolana(o => o.Payer = Keypair.Generate());
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SolanaOptions>>().Value);
        Assert.Contains(nameof(SolanaOptions.RpcUrl), Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_AppliesAChangeSignedByASolanaWallet_AndRefusesAForgedOne()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 2, 12, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddAffiliates().AddSolana();
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        Keypair admin = Keypair.Generate();
        Keypair partner = Keypair.Generate();
        await program.CreateRegistryAsync(new NewRegistry("subs", "Subscriptions", admin.PublicKey.Key, ProgramTermsDefaults.FeeShare(Asset.Usd)));
        var change = new CreateCode("ALICE", "", partner.PublicKey.Key, Rate.Zero, Rate.Zero);
        Instant expires = clock.GetCurrentInstant() + Duration.FromMinutes(5);
        string message = SignedRequest.MessageFor("subs", partner.PublicKey.Key, change, "n1", expires);

        string forged = Base58Text.Encode(Keypair.Generate().Sign(Encoding.UTF8.GetBytes(message)));
        ChangeResult refused = await program.ApplyAsync(new SignedRequest("subs", partner.PublicKey.Key, change, "n1", expires, forged));
        string signature = Base58Text.Encode(partner.Sign(Encoding.UTF8.GetBytes(message)));
        ChangeResult applied = await program.ApplyAsync(new SignedRequest("subs", partner.PublicKey.Key, change, "n1", expires, signature));

        Assert.Equal(ChangeOutcome.BadSignature, refused.Outcome);
        Assert.Equal(ChangeOutcome.Applied, applied.Outcome);
    }
}
