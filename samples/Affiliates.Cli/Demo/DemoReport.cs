using System.Globalization;
using System.Text;
using System.Text.Json;
using Affiliates.Cli.Cli;
using Affiliates.Settlement;

namespace Affiliates.Cli.Demo;

/// <summary>The demo's report: a JSON document (also what <c>--json</c> prints) and a CSV of every statement.</summary>
internal static class DemoReport
{
    private static Asset Asset => SubscriptionDemo.Terms.PayoutAsset;

    public static object Document(DemoRun run, IReadOnlyList<string> replayRoots, string database) => new
    {
        program = "subscription revenue share",
        registry = SubscriptionDemo.Registry,
        database,
        asset = Asset.Symbol,
        minimumPayout = Sol(SubscriptionDemo.Terms.MinimumPayout),
        partners = run.Partners,
        clicks = run.Clicks,
        conversions = run.Conversions,
        weeks = run.Weeks.Select(w => new
        {
            epoch = w.Settlement.Epoch.Id,
            payments = w.Payments,
            billed = Sol(w.Billed),
            refunds = w.Refunds,
            refunded = Sol(w.Refunded),
            commissions = Sol(w.Settlement.Commissions),
            protocol = Sol(w.Settlement.Protocol),
            payouts = w.Settlement.Payouts.Count,
            paid = Sol(w.Paid),
            carriedPartners = w.Carried.Count(),
            merkleRoot = w.Settlement.MerkleRoot,
        }),
        tierChanges = run.TierChanges.Select(c => new { c.Partner, epoch = c.EpochId, c.From, c.To, lifetimeRevenue = Sol(c.LifetimeRevenue) }),
        statement = Statement(run.Showcase),
        payouts = run.Weeks[^1].Settlement.Payouts.Select(Payout),
        leaderboard = Leaderboard.Rank(run.Statements, LeaderboardMetric.Earnings, 5).Select(e => new { e.Rank, e.Partner, earned = Sol(Amount.FromUnits(e.Value)) }),
        conservation = new
        {
            equation = Equation(run),
            billed = Sol(run.NetBilled),
            protocol = Sol(run.Protocol),
            paid = Sol(run.Paid),
            carried = Sol(run.Carried),
            holds = run.Conserves,
        },
        replay = new { identical = run.Roots.SequenceEqual(replayRoots), roots = replayRoots.Count },
    };

    public static object Statement(EpochStatement s) => new
    {
        s.Partner,
        epoch = s.EpochId,
        s.Tier,
        carryIn = Sol(s.CarryIn),
        earned = Sol(s.Earned),
        payable = Sol(s.Payable),
        carryOut = Sol(s.CarryOut),
        reason = Reason(s),
        s.Hash,
        lines = s.Lines.Select(l => new { l.EventId, occurredAt = l.OccurredAt.ToString(), l.Code, revenue = Sol(l.Revenue), rate = l.Rate.ToString(), commission = Sol(l.Commission) }),
    };

    public static object Payout(PayoutIntent p) => new { p.Id, p.Partner, payee = p.PayeeAddress, amount = Sol(p.Amount), status = p.Status };

    public static string Equation(DemoRun run) =>
        $"billed {Sol(run.NetBilled)} = protocol {Sol(run.Protocol)} + paid {Sol(run.Paid)} + carried {Sol(run.Carried)} {Asset.Symbol}";

    /// <summary>Why a statement's balance was paid, carried or swept.</summary>
    public static string Reason(EpochStatement s) => s switch
    {
        { DustSwept.IsPositive: true } => $"balance swept to the protocol as dust after {s.IdleEpochs} idle weeks",
        { Payable.IsPositive: true } => $"paid: the balance reached the {Sol(SubscriptionDemo.Terms.MinimumPayout)} {Asset.Symbol} minimum payout",
        { CarryOut.IsNegative: true } => "carried: refunds exceeded earnings; the debt is taken from future earnings",
        { CarryOut.IsPositive: true } => $"carried: {Sol(s.CarryOut)} is below the {Sol(SubscriptionDemo.Terms.MinimumPayout)} {Asset.Symbol} minimum payout",
        _ => "nothing to pay",
    };

    public static void Write(string jsonPath, string csvPath, object document, DemoRun run)
    {
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(document, Terminal.JsonOptions));
        var csv = new StringBuilder("epoch,partner,tier,lines,revenue,carry_in,earned,payable,carry_out,reason,hash\n");
        foreach (EpochStatement s in run.Statements)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.EpochId},{s.Partner},{s.Tier},{s.Lines.Count},{Sol(s.Revenue)},{Sol(s.CarryIn)},{Sol(s.Earned)},{Sol(s.Payable)},{Sol(s.CarryOut)},\"{Reason(s)}\",{s.Hash}\n");
        }

        File.WriteAllText(csvPath, csv.ToString());
    }

    public static string Sol(Amount amount) => Asset.Format(amount);
}
