using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Affiliates.Tests.Programs;

/// <summary>An engine wired through AddAffiliates with the in-memory store, a fake clock and HMAC "wallets".</summary>
internal sealed class ProgramFixture
{
    public const string Registry = "rujira";
    public const string Admin = "admin-wallet";

    private int nonce;

    public ProgramFixture(Instant? start = null, IAffiliateStore? store = null)
    {
        Clock = new FakeClock(start ?? Instant.FromUtc(2026, 11, 1, 0, 0));
        var services = new ServiceCollection();
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ISignatureVerifier, HmacSignatureVerifier>();
        services.AddAffiliates();
        Services = services.BuildServiceProvider();
        Program = Services.GetRequiredService<IAffiliateProgram>();
        Store = Services.GetRequiredService<IAffiliateStore>();
    }

    public FakeClock Clock { get; }

    public ServiceProvider Services { get; }

    public IAffiliateProgram Program { get; }

    public IAffiliateStore Store { get; }

    /// <summary>Rujira-like fee-share terms in plain units: 5 % referral fee, >0 ×1, >100 ×1.25, >500 ×1.5, >2500 ×1.75, >12500 ×2, kickback 0–50 %, affiliate fee 0–3 %.</summary>
    public static ProgramTerms RujiraTerms => ProgramTermsDefaults.FeeShare(Asset.Usd) with
    {
        DefaultReferralFee = Rate.FromPercent(5),
        MultiplierLadder =
        [
            new MultiplierStep(Amount.Zero, Multiplier.One),
            new MultiplierStep(Amount.FromUnits(100), Multiplier.Parse("1.25")),
            new MultiplierStep(Amount.FromUnits(500), Multiplier.Parse("1.5")),
            new MultiplierStep(Amount.FromUnits(2_500), Multiplier.Parse("1.75")),
            new MultiplierStep(Amount.FromUnits(12_500), Multiplier.Parse("2")),
        ],
        KickbackRange = new RateRange(Rate.Zero, Rate.FromPercent(50)),
        AffiliateFeeRange = new RateRange(Rate.Zero, Rate.FromPercent(3)),
        BindingPolicy = BindingPolicy.Replaceable,
    };

    public async Task<ProgramFixture> WithRegistryAsync(ProgramTerms? terms = null)
    {
        RegistryResult created = await Program.CreateRegistryAsync(new NewRegistry(Registry, "Rujira", Admin, terms ?? RujiraTerms));
        Assert.Equal(ChangeOutcome.Applied, created.Outcome);
        return this;
    }

    public SignedRequest Sign(string signer, ProgramChange change, string? nonceText = null, Duration? lifetime = null, string? signAs = null)
    {
        string usedNonce = nonceText ?? $"n{Interlocked.Increment(ref nonce)}";
        Instant expires = Clock.Now + (lifetime ?? Duration.FromMinutes(10));
        string message = SignedRequest.MessageFor(Registry, signer, change, usedNonce, expires);
        return new SignedRequest(Registry, signer, change, usedNonce, expires, HmacSignatureVerifier.Sign(signAs ?? signer, message));
    }

    public async Task<ChangeResult> ApplyAsync(string signer, ProgramChange change) => await Program.ApplyAsync(Sign(signer, change));

    public async Task CreateCodeAsync(string owner, string code, Rate? kickback = null, Rate? affiliateFee = null, string channel = "")
    {
        ChangeResult result = await ApplyAsync(owner, new CreateCode(code, channel, "pay-" + owner, kickback ?? Rate.Zero, affiliateFee ?? Rate.Zero));
        Assert.Equal(ChangeOutcome.Applied, result.Outcome);
    }

    public async Task<BindResult> BindAsync(string user, string code) => await Program.ConvertAsync(new ConversionRequest(Registry, user, Code: code));

    public async Task<IngestResult> IngestAsync(ProgramEvent e) => Assert.Single(await Program.IngestAsync([e]));

    public ProgramEvent Trade(string id, string user, long fee, long notional = 0, string? code = null) =>
        new(Registry, id, EventKind.Trade, Clock.Now, user, Amount.FromUnits(fee), Amount.FromUnits(notional), Asset.Usd, "RUNE/USDC", code);

    /// <summary>Settles, in order, every epoch up to the one containing <paramref name="inEpoch"/>, moving the clock past each end.</summary>
    public async Task<SettlementResult> SettleThroughAsync(Instant inEpoch)
    {
        while (true)
        {
            SettlementResult result = await Program.SettleEpochAsync(Registry, inEpoch);
            switch (result.Outcome)
            {
                case SettlementOutcome.EpochNotEnded:
                    Clock.Now = result.Epoch!.End;
                    break;
                case SettlementOutcome.EarlierEpochOpen:
                    Clock.Now = Instant.Max(Clock.Now, result.OpenEpoch!.End);
                    Assert.Equal(SettlementOutcome.Settled, (await Program.SettleEpochAsync(Registry, result.OpenEpoch.Start)).Outcome);
                    break;
                default:
                    return result;
            }
        }
    }

    /// <summary>Returns the amounts of a payee's lines by event id, over statements.</summary>
    public static Dictionary<string, long> LinesOf(IEnumerable<EpochStatement> statements, PayeeKey payee, StatementLineKind kind = StatementLineKind.Commission) =>
        statements.Where(s => s.Key == payee).SelectMany(s => s.Lines).Where(l => l.Kind == kind)
            .ToDictionary(l => l.EventId, l => (long)l.Amount.Units, StringComparer.Ordinal);

    public static Dictionary<LedgerEntryKind, long> ByKind(IngestResult result) =>
        result.Entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => (long)g.Aggregate(Amount.Zero, (sum, e) => sum + e.Amount).Units);
}
