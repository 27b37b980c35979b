using Affiliates.Cli.Cli;
using Affiliates.Cli.Files;
using Affiliates.Pools;
using Affiliates.Rewards;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary>
/// <c>affiliates pool distribute</c>: the first epoch of a CoW-style reward pool (50 000 COW minimum + 1 COW per
/// $1 000 of affiliate score, capped per participant) over a trades file; nothing is stored.
/// </summary>
internal sealed class PoolDistributeCommand(Terminal terminal) : Command<PoolDistributeSettings>
{
    private static readonly string[] Columns = ["id", "trader", "referrer", "time", "sell", "buy", "volume_usd"];

    public override int Execute(CommandContext context, PoolDistributeSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReferredTrade> trades = ReadTrades(settings.Trades);
        var tokens = new TokenList(List(settings.Tokens), List(settings.Stables));
        var terms = new RewardPoolTerms(tokens, PoolSizing.CowAffiliate, ScoringRules.Default, CliValues.Rate(settings.Cap, "--cap"));
        var program = new RewardPoolProgram("pool-owner", Asset.Cow, new EpochSchedule<RewardPoolTerms>(terms), new RewardAccounts(new InMemoryRewardLedger()));
        PoolEpochResult result;
        try
        {
            result = program.SettleEpoch(trades);
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage($"--trades '{settings.Trades}' cannot be scored: {e.Message}");
        }

        if (settings.Out is { } prefix)
        {
            File.WriteAllText(prefix + ".json", PoolEpochReport.ToJson(result));
            File.WriteAllText(prefix + ".csv", PoolEpochReport.ToCsv(result));
        }

        if (settings.Json)
        {
            terminal.Output.WriteLine(PoolEpochReport.ToJson(result));
            return ExitCode.Ok;
        }

        Asset cow = result.RewardAsset;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "affiliate", "score USD", "reward COW", "capped")
            .Title($"Pool of {cow.Format(result.Pool)} COW over {Asset.Usd.Format(result.EligibleScore)} USD of eligible score");
        foreach (PoolLeaderboardEntry e in PoolEpochReport.Leaderboard(result))
        {
            table.AddRow($"{e.Rank}", Markup.Escape(e.Participant), Asset.Usd.Format(e.Score), cow.Format(e.Reward), e.Capped ? "yes" : "");
        }

        terminal.Console.Write(table);
        terminal.Console.MarkupLineInterpolated($"Distributed {cow.Format(result.Totals.Distributed)} + unallocated {cow.Format(result.Totals.Unallocated)} = pool {cow.Format(result.Pool)} COW; {result.Totals.CappedCount} participants capped.");
        return ExitCode.Ok;
    }

    private static string[] List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<ReferredTrade> ReadTrades(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"--trades '{path}' cannot be read: {e.Message}");
        }

        CsvTable table = CsvTable.Parse(text, (line, problem) => CliException.Usage($"--trades '{path}' line {line}: {problem}."));
        if (!table.Header.SequenceEqual(Columns))
        {
            throw CliException.Usage($"--trades '{path}' must have the header {string.Join(",", Columns)}.");
        }

        return [.. table.Rows.Select(r =>
        {
            string Field(int i) => r.Fields[i].Trim();
            string Where(string column) => $"--trades '{path}' line {r.Line}, {column}";
            return new ReferredTrade(
                Field(0).Length > 0 ? Field(0) : throw CliException.Usage($"{Where("id")} is empty."),
                Field(1).Length > 0 ? Field(1) : throw CliException.Usage($"{Where("trader")} is empty."),
                Field(2).Length > 0 ? Field(2) : null,
                CliValues.Instant(Field(3), Where("time")),
                Field(4),
                Field(5),
                CliValues.Amount(Field(6), Asset.Usd, Where("volume_usd")));
        })];
    }
}
