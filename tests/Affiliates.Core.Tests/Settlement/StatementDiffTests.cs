using Affiliates.Settlement;
using static Affiliates.Tests.Settlement.SettlementFixture;

namespace Affiliates.Tests.Settlement;

public sealed class StatementDiffTests
{
    private static readonly SettlementRequest Week = Request(Subscription(), Week1, Line("alice", "e1", OneSol), Line("bob", "e2", OneSol * 2));

    [Fact]
    public void Compare_Recomputation_HasNoDifferences() =>
        Assert.Empty(StatementDiff.Compare(EpochSettler.Settle(Week).Statements, EpochSettler.Settle(Week).Statements));

    [Fact]
    public void Compare_ChangedLine_NamesTheFieldsAndTheLine()
    {
        EpochSettlement stored = EpochSettler.Settle(Week);
        EpochSettlement recomputed = EpochSettler.Settle(Week with { Lines = [Line("alice", "e1", OneSol * 2), Line("bob", "e2", OneSol * 2)] });

        IReadOnlyList<StatementDifference> diff = StatementDiff.Compare(stored.Statements, recomputed.Statements);

        Assert.All(diff, d => Assert.Equal("partner:alice", d.Partner));
        Assert.Equal(["TierMetric", "LifetimeRevenue", "Earned", "Payable", "Hash", "line e1#0/Commission"], diff.Select(d => d.Field));
        Assert.Equal(("200000000", "400000000"), (diff[3].Expected, diff[3].Actual));
    }

    [Fact]
    public void Compare_MissingStatementOrLine_IsReported()
    {
        EpochSettlement stored = EpochSettler.Settle(Week);
        EpochSettlement recomputed = EpochSettler.Settle(Week with { Lines = [Line("bob", "e2", OneSol * 2), Line("bob", "e3", OneSol, hour: 2)] });

        IReadOnlyList<StatementDifference> diff = StatementDiff.Compare(stored.Statements, recomputed.Statements);

        Assert.Equal(new StatementDifference("partner:alice", "statement", stored.Statements[0].Hash, null), diff[0]);
        Assert.Contains(diff, d => d is { Partner: "partner:bob", Field: "line e3#0/Commission", Expected: null });
    }
}
