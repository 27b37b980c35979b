using Affiliates.Pools;
using Affiliates.Rewards;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

/// <summary>Scoring, sizing and distribution together, over random trade streams settled in two epochs.</summary>
public class RewardPoolProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(10_000);

    [Fact]
    public void EveryEpoch_RewardsPlusTheOwnersReturnAreThePool_AndNobodyIsAboveTheCap() =>
        Check(s => s.Settle(s.Excluded).All(epoch =>
        {
            Amount cap = epoch.Totals.ParticipantCap;
            Amount rewards = epoch.Participants.Aggregate(Amount.Zero, (sum, p) => sum + p.Reward);
            return rewards + epoch.ReturnedToOwner.Amount == epoch.Pool
                && epoch.ReturnedToOwner.Amount >= Amount.Zero
                && cap == epoch.Pool.Times(s.Cap)
                && epoch.Participants.All(p => p.Reward >= Amount.Zero && p.Reward <= cap && (!p.Capped || p.Reward == cap));
        }));

    [Fact]
    public void EveryEpoch_AHigherScoreNeverReceivesLess() =>
        Check(s => s.Settle(s.Excluded).All(epoch =>
            epoch.Participants.All(high => epoch.Participants.All(low => high.Score <= low.Score || high.Reward >= low.Reward))));

    [Fact]
    public void NoAddressEverCountsAboveTheAddressCap_AndScoresAddUp() =>
        Check(s =>
        {
            IReadOnlyList<PoolEpochResult> epochs = s.Settle(s.Excluded);
            ScoringState state = epochs[^1].Scoring.State;
            Amount lifetime = s.Trades.Select(t => t.Trader).Distinct().Aggregate(Amount.Zero, (sum, a) => sum + state.CountedFor(a));
            Amount scored = epochs.Aggregate(Amount.Zero, (sum, e) => sum + e.Scoring.TotalScore);
            return s.Trades.All(t => state.CountedFor(t.Trader) <= ScoringRules.Default.AddressCap)
                && lifetime == scored
                && epochs.All(e => e.Scoring.Trades.All(t => t.Counted >= Amount.Zero))
                && epochs.All(e => e.Scoring.Addresses.All(a => a.Counted <= a.Volume && (a.Status == AddressStatus.Eligible || a.Counted.IsZero)));
        });

    [Fact]
    public void ExcludingAnAddress_NeverIncreasesItsReferrersReward() =>
        Check(s =>
        {
            IReadOnlyList<PoolEpochResult> before = s.Settle(s.Excluded);
            string? target = s.Trades.Select(t => t.Trader).FirstOrDefault(t => !s.Excluded.Contains(t));
            string? referrer = target is null ? null : before[^1].Scoring.State.AffiliateOf(target);
            if (referrer is null)
            {
                return true;
            }

            IReadOnlyList<PoolEpochResult> after = s.Settle([.. s.Excluded, target!]);
            return before.Zip(after).All(pair => RewardOf(pair.Second, referrer) <= RewardOf(pair.First, referrer));
        });

    [Fact]
    public void Settlement_DoesNotDependOnTheOrderOfTheTrades() =>
        Check(s =>
        {
            IReadOnlyList<PoolEpochResult> forward = s.Settle(s.Excluded);
            IReadOnlyList<PoolEpochResult> backward = (s with { Trades = [.. s.Trades.Reverse()] }).Settle(s.Excluded);
            return forward.Zip(backward).All(pair => PoolEpochReport.ToCsv(pair.First) == PoolEpochReport.ToCsv(pair.Second));
        });

    private static Amount RewardOf(PoolEpochResult epoch, string participant) =>
        epoch.Participants.FirstOrDefault(p => p.Participant == participant)?.Reward ?? Amount.Zero;

    private static void Check(Func<Scenario, bool> property) => Prop.ForAll(Scenario.Arbitrary, property).Check(Config);

    internal sealed record Scenario(ReferredTrade[] Trades, string[] Excluded, Rate Cap, long Minimum, long PerStep)
    {
        private static readonly Duration EpochLength = Duration.FromDays(30);

        public static Arbitrary<Scenario> Arbitrary { get; } = Arb.From(Generator(), Shrink);

        /// <summary>Settles the trades of the first 30 days as epoch 0 and the rest as epoch 1.</summary>
        public IReadOnlyList<PoolEpochResult> Settle(IEnumerable<string> excluded)
        {
            Dictionary<string, string> exclusions = excluded.Distinct().ToDictionary(a => a, _ => "wash trading");
            var sizing = new PoolSizing(Amount.FromUnits(Minimum), 1, Amount.FromUnits(PerStep), Usd(1_000).Units);
            RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, sizing, participantCap: Cap));
            Instant boundary = Start + EpochLength;
            return
            [
                program.SettleEpoch(Trades.Where(t => t.Time < boundary), exclusions),
                program.SettleEpoch(Trades.Where(t => t.Time >= boundary), exclusions),
            ];
        }

        public override string ToString() =>
            $"cap {Cap}, minimum {Minimum}, per step {PerStep}, excluded [{string.Join(", ", Excluded)}], trades:\n  "
            + string.Join("\n  ", Trades.Select(t => $"{t.Id} {t.Trader} via {t.Referrer ?? "-"} at {t.Time} {t.SellToken}->{t.BuyToken} {t.VolumeUsd}"));

        private static Gen<Scenario> Generator()
        {
            Gen<string?> referrer = Gen.Frequency((1, Gen.Constant<string?>(null)), (5, Gen.Elements<string?>("A", "B", "C", "D", "E", "F")));
            Gen<string> token = Gen.Elements(Usdc, Dai, Weth, Unlisted);
            Gen<long> micros = Gen.Frequency(
                (1, Gen.Constant(0L)),
                (3, Gen.Choose(0, 5_000_000).Select(v => (long)v)),
                (3, Gen.Choose(0, 2_000_000).Select(v => v * 1_000_000L)),
                (2, Gen.Choose(0, 900_000).Two().Select(v => (v.Item1 * 1_000_000L) + v.Item2)));
            Gen<(int Trader, string? Referrer, int Minute, string Sell, string Buy, long Micros)> trade =
                from trader in Gen.Choose(0, 7)
                from via in referrer
                from minute in Gen.Choose(0, 60 * 24 * 60)
                from sell in token
                from buy in token
                from volume in micros
                select (trader, via, minute, sell, buy, volume);
            Gen<long> units = Gen.Frequency(
                (2, Gen.Choose(0, 1_000).Select(v => (long)v)),
                (2, Gen.Choose(0, int.MaxValue).Select(v => (long)v)),
                (1, Gen.Choose(0, 1_000_000).Select(v => v * 1_000_000_000_000L)));
            Gen<Rate> cap = Gen.OneOf(Gen.Choose(1, 1_000_000).Select(Rate.FromPartsPerMillion), Gen.Elements(10, 20, 50, 100).Select(Rate.FromPercent));
            return from n in Gen.Choose(0, 60)
                   from raw in Gen.ArrayOf(trade, n)
                   from excluded in Gen.ArrayOf(Gen.Choose(0, 7), 2)
                   from excludeCount in Gen.Choose(0, 2)
                   from c in cap
                   from minimum in units
                   from perStep in units
                   select new Scenario(
                       [.. raw.Select((t, i) => new ReferredTrade($"x{i}", $"trader{t.Trader}", t.Referrer, Start + Duration.FromMinutes(t.Minute), t.Sell, t.Buy, Amount.FromUnits(t.Micros)))],
                       [.. excluded.Take(excludeCount).Select(i => $"trader{i}")],
                       c,
                       minimum,
                       perStep);
        }

        private static IEnumerable<Scenario> Shrink(Scenario s)
        {
            for (int i = 0; i < s.Trades.Length; i++)
            {
                yield return s with { Trades = [.. s.Trades.Take(i), .. s.Trades.Skip(i + 1)] };
            }

            if (s.Excluded.Length > 0)
            {
                yield return s with { Excluded = [] };
            }
        }
    }
}
