using System.Text;
using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Payouts;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Tests.LocalValidator;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Solana.Tests.Payouts;

/// <summary>Program 1 end to end on the local chain: Solana wallets sign their codes, an epoch settles, and its payout
/// intents are paid through the rail AddSolana registers, to the exact base unit.</summary>
[Collection(SolanaRpcCollection.Name)]
public sealed class SettledEpochPayoutTests(SolanaRpcServer server) : IDisposable
{
    private static readonly Instant Sunday = Instant.FromUtc(2026, 11, 1, 0, 0);
    private readonly LocalChain chain = server.NewChain();

    public void Dispose() => chain.Dispose();

    [Fact]
    public async Task SolRevenueShare_PaysEveryPartnerItsExactCommission() =>
        await SettleAndPayAsync(Asset.Sol, [Asset.Sol.Parse("10"), Asset.Sol.Parse("3.333333333"), Asset.Sol.Parse("0.05")]);

    [Fact]
    public async Task UsdcRevenueShare_PaysEveryPartnerItsExactCommission_OpeningTheirTokenAccounts() =>
        await SettleAndPayAsync(Asset.UsdcSolana, [Asset.UsdcSolana.Parse("49"), Asset.UsdcSolana.Parse("147.000001"), Asset.UsdcSolana.Parse("0.000007")]);

    private async Task SettleAndPayAsync(Asset asset, Amount[] revenue)
    {
        var clock = new FakeClock(Sunday + Duration.FromHours(1));
        Keypair payer = await chain.FundedKeypairAsync(100_000_000_000);
        var mint = asset.Contract is null ? null : new PublicKey(asset.Contract);
        if (mint is not null)
        {
            await chain.CreateMintAsync(mint, (byte)asset.Decimals);
            await chain.CreateTokenAccountAsync(payer.PublicKey, mint, 1_000_000_000_000);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddAffiliates().AddSolana(o =>
        {
            o.RpcUrl = chain.Url;
            o.Payer = payer;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        IPayoutRail rail = Assert.Single(provider.GetServices<IPayoutRail>());
        Keypair admin = Keypair.Generate();
        ProgramTerms terms = ProgramTermsDefaults.RevenueShare(asset, Rate.FromPercent(20));
        Assert.Equal(ChangeOutcome.Applied, (await program.CreateRegistryAsync(new NewRegistry("subs", "Subscriptions", admin.PublicKey.Key, terms))).Outcome);

        Keypair[] partners = [Keypair.Generate(), Keypair.Generate(), Keypair.Generate()];
        var events = new List<ProgramEvent>();
        for (int i = 0; i < partners.Length; i++)
        {
            Keypair partner = partners[i];
            var change = new CreateCode($"PARTNER{i}", "", partner.PublicKey.Key, Rate.Zero, Rate.Zero);
            Instant expires = clock.GetCurrentInstant() + Duration.FromMinutes(5);
            string message = SignedRequest.MessageFor("subs", partner.PublicKey.Key, change, $"n{i}", expires);
            string signature = Base58Text.Encode(partner.Sign(Encoding.UTF8.GetBytes(message)));
            Assert.Equal(ChangeOutcome.Applied, (await program.ApplyAsync(new SignedRequest("subs", partner.PublicKey.Key, change, $"n{i}", expires, signature))).Outcome);
            string user = Keypair.Generate().PublicKey.Key;
            Assert.Equal(BindOutcome.Bound, (await program.ConvertAsync(new ConversionRequest("subs", user, Code: $"PARTNER{i}"))).Outcome);
            events.Add(new ProgramEvent("subs", $"pay-{i}", EventKind.SubscriptionPayment, clock.GetCurrentInstant() + Duration.FromHours(i + 1), user, revenue[i], Amount.Zero));
        }

        Assert.All(await program.IngestAsync(events), r => Assert.Equal(IngestStatus.Recorded, r.Status));
        clock.AdvanceDays(7);
        SettlementResult settled = await program.SettleEpochAsync("subs", Sunday + Duration.FromHours(2));
        Assert.Equal(SettlementOutcome.Settled, settled.Outcome);
        IReadOnlyList<PayoutIntent> payouts = settled.Settlement!.Payouts;
        Assert.Equal(partners.Length, payouts.Count);

        TransferLine[] lines = [.. payouts.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new TransferLine(p.Id, p.PayeeAddress, p.Asset, p.Amount))];
        var outbox = new Outbox(rail, chain, PayoutTestData.Request(lines));
        Assert.Equal(TransferState.Confirmed, (await outbox.ResumeAsync()).State);

        for (int i = 0; i < partners.Length; i++)
        {
            PayoutIntent intent = payouts.Single(p => p.PayeeAddress == partners[i].PublicKey.Key);
            Assert.Equal(revenue[i].Times(Rate.FromPercent(20)), intent.Amount);
            ulong received = mint is null
                ? await chain.Rpc.GetBalanceAsync(partners[i].PublicKey)
                : (await chain.Rpc.GetTokenAccountBalanceAsync(AssociatedTokenAccountProgram.Derive(partners[i].PublicKey, mint))).Amount;
            Assert.Equal((ulong)intent.Amount.Units, received);
        }
    }
}
