using System.Numerics;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;
using FsCheck;
using FsCheck.Fluent;
using static Affiliates.Tests.Settlement.SettlementFixture;

namespace Affiliates.Tests.Settlement;

public sealed class EpochSettlerProperties
{
    private static readonly Config SingleEpoch = Config.QuickThrowOnFailure.WithMaxTest(10_000);

    private static void Check(Func<SettlementCase, EpochSettlement, bool> property) =>
        Prop.ForAll(SettlementGen.Arbitrary(Week1), c => property(c, EpochSettler.Settle(c.Request(Week1)))).Check(SingleEpoch);

    [Fact]
    public void Settle_RevenueIsProtocolPlusCommissionsExactly() =>
        Check((c, s) =>
            s.Revenue == c.Lines.Aggregate(Amount.Zero, (sum, line) => sum + line.Amount)
            && s.Revenue == s.Protocol + s.Commissions + s.Kickbacks
            && s.Statements.All(st => st.Lines.All(l => BigInteger.Abs((BigInteger)l.Amount.Units) <= BigInteger.Abs((BigInteger)l.Revenue.Units))));

    [Fact]
    public void Settle_EveryPartnerBalances_CarryInPlusEarnedIsPayablePlusCarryOutPlusDust() =>
        Check((c, s) => s.Statements.All(st =>
            st.CarryIn + st.Earned == st.Payable + st.CarryOut + st.DustSwept
            && st.CarryIn == (c.States.GetValueOrDefault(st.Payee) ?? PartnerState.New).CarryIn
            && st.Earned == st.Lines.Aggregate(Amount.Zero, (sum, line) => sum + line.Amount)));

    [Fact]
    public void Settle_EachCommissionIsWithinOneUnitOfItsExactShare() =>
        Check((c, s) => s.Statements.SelectMany(st => st.Lines).All(l =>
            BigInteger.Abs(((BigInteger)l.Amount.Units * Rate.PartsPerMillionScale) - ((BigInteger)l.Revenue.Units * l.Rate.PartsPerMillion)) < Rate.PartsPerMillionScale
            && BigInteger.Abs((BigInteger)l.Amount.Units) <= BigInteger.Abs((BigInteger)l.Revenue.Units)));

    [Fact]
    public void Settle_ShuffledInput_GivesIdenticalBytesHashesAndRoot() =>
        Check((c, s) =>
        {
            EpochSettlement shuffled = EpochSettler.Settle(c.Request(Week1) with { Lines = SettlementGen.Shuffled(c.Lines, c.ShuffleSeed) });
            return shuffled.MerkleRoot == s.MerkleRoot
                && shuffled.Statements.Select(st => st.Hash).SequenceEqual(s.Statements.Select(st => st.Hash))
                && shuffled.Statements.Zip(s.Statements).All(p => StatementHasher.CanonicalBytes(p.First).AsSpan().SequenceEqual(StatementHasher.CanonicalBytes(p.Second)))
                && shuffled.Payouts.SequenceEqual(s.Payouts);
        });

    [Fact]
    public void Settle_PayableIsZeroOrAtLeastTheMinimum_AndOnlyPositiveBalancesArePaid() =>
        Check((c, s) => s.Statements.All(st =>
            (st.Payable.IsZero || (st.Payable.IsPositive && st.Payable >= c.Terms.MinimumPayout && st.CarryOut.IsZero))
            && (!st.Payable.IsZero || st.CarryOut.IsNegative || st.CarryOut.IsZero || st.CarryOut < c.Terms.MinimumPayout)
            && !st.DustSwept.IsNegative
            && (st.DustSwept.IsZero || st.DustSwept < c.Terms.MinimumPayout)));

    [Fact]
    public void Settle_OnePayoutPerPayablePartner_WithItsStableId() =>
        Check((c, s) =>
            s.Payouts.Select(p => (p.Partner, p.Amount)).SequenceEqual(s.Statements.Where(st => st.Payable.IsPositive).Select(st => (st.Payee, st.Payable)))
            && s.Payouts.All(p => p.Id == PayoutId.For(RegistryId, Week1.Id, p.Partner, Asset.Sol) && p.Status == PayoutStatus.Pending)
            && s.Payouts.Select(p => p.Id).Distinct().Count() == s.Payouts.Count);

    [Fact]
    public void Settle_StatementsAreCanonicalAndVerifiable() =>
        Check((c, s) =>
            s.Statements.Select(st => st.Payee).SequenceEqual(s.Statements.Select(st => st.Payee).Order(StringComparer.Ordinal))
            && s.Statements.All(st => StatementHasher.IsIntact(st)
                && st.Lines.Zip(st.Lines.Skip(1)).All(p => Compare(p.First, p.Second) < 0))
            && s.Statements.All(st => MerkleTree.Verify(s.MerkleRoot, s.ProveInclusion(st.Key))));

    [Fact]
    public void Settle_StickyTierNeverFallsBelowTheTierHeld() =>
        Check((c, s) => c.Terms.Tiers is not { NeverDowngrade: true } || s.Statements.All(st =>
            TierIndex(c.Terms.Tiers, st.Tier) >= TierIndex(c.Terms.Tiers, (c.States.GetValueOrDefault(st.Payee) ?? PartnerState.New).Tier)));

    [Fact]
    public void Settle_SequenceOfEpochs_ConservesEveryPartnersMoneyAndKeepsStickyTiers()
    {
        Gen<SettlementLine[][]> epochs = Gen.Choose(2, 6).SelectMany(count =>
            Enumerable.Range(0, count).Select(i => SettlementGen.LinesIn(Week(i)).Select(lines => lines.Select(l => l with { EventId = $"w{i}-{l.EventId}" }).ToArray()))
                .Aggregate(Gen.Constant(Array.Empty<SettlementLine[]>()), (acc, next) => acc.Zip(next, (a, b) => (SettlementLine[][])[.. a, b])));
        Gen<(SettlementTerms, SettlementLine[][])> sequences = SettlementGen.Terms.Where(t => t.TierMetric == TierMetric.LifetimeRevenue).Zip(epochs);

        Prop.ForAll(sequences.ToArbitrary(), input =>
        {
            (SettlementTerms terms, SettlementLine[][] lines) = input;
            List<EpochSettlement> settled = SettleInSequence(terms, lines);
            List<EpochStatement> statements = settled.SelectMany(s => s.Statements).ToList();
            bool conserved = statements.GroupBy(st => st.Payee).All(g =>
            {
                EpochStatement last = g.Last();
                Amount paid = g.Aggregate(Amount.Zero, (sum, st) => sum + st.Payable + st.DustSwept);
                Amount earned = g.Aggregate(Amount.Zero, (sum, st) => sum + st.Earned);
                Amount revenue = lines.SelectMany(l => l).Where(l => l.Partner == g.Key).Aggregate(Amount.Zero, (sum, l) => sum + l.Amount);
                return paid + last.CarryOut == earned
                    && last.LifetimeRevenue == revenue
                    && g.Zip(g.Skip(1)).All(p => p.Second.CarryIn == p.First.CarryOut)
                    && (terms.Tiers is not { NeverDowngrade: true } || g.Zip(g.Skip(1)).All(p => TierIndex(terms.Tiers, p.Second.Tier) >= TierIndex(terms.Tiers, p.First.Tier)));
            });
            List<string> ids = settled.SelectMany(s => s.Payouts).Select(p => p.Id).ToList();
            return conserved && ids.Distinct().Count() == ids.Count;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    private static int TierIndex(TierLadder ladder, string tier) =>
        tier.Length == 0 ? -1 : ladder.Ladder.Steps.Select(s => s.Value.Name).ToList().IndexOf(tier);

    private static int Compare(StatementLine a, StatementLine b)
    {
        int order = a.OccurredAt.CompareTo(b.OccurredAt);
        order = order != 0 ? order : string.CompareOrdinal(a.EventId, b.EventId);
        return order != 0 ? order : a.Sequence.CompareTo(b.Sequence);
    }
}
