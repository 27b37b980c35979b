using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Payouts;
using Affiliates.Programs;
using Affiliates.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Evm.Tests;

/// <summary>Program 1 end to end on Anvil: EVM wallets sign their codes, an epoch settles, and its payout intents are
/// paid through the rail AddEvm registers, to the exact base unit.</summary>
[Collection(AnvilCollection.Name)]
public sealed class SettledEpochPayoutTests(AnvilNode anvil)
{
    private static readonly Instant Sunday = Instant.FromUtc(2026, 11, 1, 0, 0);

    [Fact]
    public async Task TokenRevenueShare_PaysEveryPartnerItsExactCommission()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil, tokens: 1_000_000_000_000);
        await SettleAndPayAsync(h, h.Tusd, ["49", "147.000001", "0.000007"]);
    }

    [Fact]
    public async Task NativeRevenueShare_PaysEveryPartnerItsExactCommission()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        await SettleAndPayAsync(h, RailHarness.Eth, ["1", "0.333333333333333333", "0.000000000000000007"]);
    }

    private async Task SettleAndPayAsync(RailHarness h, Asset asset, string[] revenueText)
    {
        Amount[] revenue = [.. revenueText.Select(asset.Parse)];
        var clock = new FakeClock(Sunday + Duration.FromHours(1));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddAffiliates().AddEvm(o =>
        {
            EvmOptions defaults = h.Options();
            o.RpcUrl = defaults.RpcUrl;
            o.ChainId = defaults.ChainId;
            o.Chain = defaults.Chain;
            o.Signer = defaults.Signer;
            o.Confirmations = defaults.Confirmations;
            o.TokenContracts.Add(h.Token);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();
        IPayoutRail rail = Assert.Single(provider.GetServices<IPayoutRail>());
        EthECKey admin = EthECKey.GenerateKey();
        ProgramTerms terms = ProgramTermsDefaults.RevenueShare(asset, Rate.FromPercent(20));
        Assert.Equal(ChangeOutcome.Applied, (await program.CreateRegistryAsync(new NewRegistry("subs", "Subscriptions", admin.GetPublicAddress(), terms))).Outcome);

        EthECKey[] partners = [EthECKey.GenerateKey(), EthECKey.GenerateKey(), EthECKey.GenerateKey()];
        var events = new List<ProgramEvent>();
        for (int i = 0; i < partners.Length; i++)
        {
            string partner = partners[i].GetPublicAddress();
            var change = new CreateCode($"PARTNER{i}", "", partner, Rate.Zero, Rate.Zero);
            Instant expires = clock.GetCurrentInstant() + Duration.FromMinutes(5);
            string message = SignedRequest.MessageFor("subs", partner, change, $"n{i}", expires);
            string signature = new EthereumMessageSigner().EncodeUTF8AndSign(message, partners[i]);
            Assert.Equal(ChangeOutcome.Applied, (await program.ApplyAsync(new SignedRequest("subs", partner, change, $"n{i}", expires, signature))).Outcome);
            string user = EthECKey.GenerateKey().GetPublicAddress();
            Assert.Equal(BindOutcome.Bound, (await program.ConvertAsync(new ConversionRequest("subs", user, Code: $"PARTNER{i}"))).Outcome);
            events.Add(new ProgramEvent("subs", $"pay-{i}", EventKind.SubscriptionPayment, clock.GetCurrentInstant() + Duration.FromHours(i + 1), user, revenue[i], Amount.Zero));
        }

        Assert.All(await program.IngestAsync(events), r => Assert.Equal(IngestStatus.Recorded, r.Status));
        clock.AdvanceDays(7);
        SettlementResult settled = await program.SettleEpochAsync("subs", Sunday + Duration.FromHours(2));
        Assert.Equal(SettlementOutcome.Settled, settled.Outcome);
        IReadOnlyList<PayoutIntent> payouts = settled.Settlement!.Payouts;
        Assert.Equal(partners.Length, payouts.Count);

        foreach (PayoutIntent payout in payouts)
        {
            var outbox = new Outbox(anvil, new TransferRequest("tr-" + payout.Id, 1, [new TransferLine(payout.Id, payout.PayeeAddress, payout.Asset, payout.Amount)]));
            Assert.Equal(TransferState.Confirmed, (await outbox.ResumeAsync(rail)).State);
        }

        for (int i = 0; i < partners.Length; i++)
        {
            string partner = partners[i].GetPublicAddress();
            PayoutIntent intent = payouts.Single(p => p.PayeeAddress == partner);
            Assert.Equal(revenue[i].Times(Rate.FromPercent(20)), intent.Amount);
            System.Numerics.BigInteger received = asset.Contract is null ? await anvil.BalanceAsync(partner) : await h.TokensOfAsync(partner);
            Assert.Equal((System.Numerics.BigInteger)intent.Amount.Units, received);
        }
    }
}
