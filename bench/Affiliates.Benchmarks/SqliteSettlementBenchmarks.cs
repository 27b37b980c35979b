using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Sqlite;
using Affiliates.Storage;
using Affiliates.Tiers;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>
/// One weekly epoch of a subscription revenue share (20 %, 30 % from 50 SOL lifetime) on the same SQLite file of
/// 10 000 affiliates, 100 000 referred users and 1 000 000 payments and refunds: the plain SQL commission query a team
/// would write by hand against settling the epoch through the library.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SqliteSettlementBenchmarks
{
    private const int AffiliateCount = 10_000;
    private const int UserCount = 100_000;
    private const int PaymentCount = 900_000;
    private const int RefundEvery = 9;
    private const int PaymentsPerUnit = 10_000;
    private const int TermsVersion = 1;
    private const string RegistryId = "bench";
    private static readonly LedgerEntryKind[] CommissionBase = [LedgerEntryKind.AttributedRevenue];

    private const string CommissionQuery =
        "WITH revenue AS (" +
        " SELECT c.owner_address AS affiliate, e.occurred_at AS at," +
        " CASE WHEN e.refund_of IS NULL THEN CAST(e.amount AS INTEGER) ELSE -CAST(e.amount AS INTEGER) END AS amount" +
        " FROM events e" +
        " JOIN bindings b ON b.registry_id = e.registry_id AND b.user_address = e.user_address AND b.scope = ''" +
        " JOIN codes c ON c.registry_id = b.registry_id AND c.code = b.code AND c.generation = b.code_generation" +
        " WHERE e.registry_id = $registry AND e.kind IN ($payment, $refund) AND e.occurred_at < $end)" +
        " SELECT affiliate," +
        " SUM(CASE WHEN at >= $start THEN amount ELSE 0 END) AS epoch_revenue," +
        " SUM(CASE WHEN at >= $start THEN amount ELSE 0 END) * (CASE WHEN SUM(amount) >= $tier2 THEN 30 ELSE 20 END) / 100 AS commission" +
        " FROM revenue GROUP BY affiliate";

    private readonly Epoch epoch = EpochCalendar.Weekly().EpochContaining(Instant.FromUtc(2026, 11, 1, 0, 0));
    private readonly ProgramTerms programTerms = ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)) with
    {
        RegistryId = RegistryId,
        Version = TermsVersion,
        Tiers = [.. TierPresets.SubscriptionRevenueShare.Ladder.Steps.Select(s => new TierStep(s.Value.Name, Amount.FromUnits(s.Threshold), s.Value.Rate))],
        TiersNeverDowngrade = TierPresets.SubscriptionRevenueShare.NeverDowngrade,
        MinimumPayout = Asset.Sol.Parse("0.1"),
    };

    private string directory = "";
    private SqliteStoreOptions options = new();
    private SqliteAffiliateStore store = null!;
    private SettlementTerms terms = null!;
    private List<SettlementLine> loadedLines = [];
    private Dictionary<string, PartnerState> loadedStates = [];

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "affiliates-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        options = new SqliteStoreOptions { FilePath = Path.Combine(directory, "settlement.db") };
        store = new SqliteAffiliateStore(options);
        terms = SettlementTerms.FromProgram(programTerms, DustRule.OnlyWhenClosed);
        WriteDataAsync().GetAwaiter().GetResult();
        loadedLines = ReadLinesAsync().GetAwaiter().GetResult();
        loadedStates = ReadStatesAsync().GetAwaiter().GetResult();
        CheckBothSidesAgree(PlainSqlCommissionQuery().GetAwaiter().GetResult(), SettleInMemoryOnly());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// What a team would write by hand: one query joining payments to referrals and affiliates, grouped by affiliate, the
    /// tier a CASE on lifetime revenue, commission rounded once per affiliate; rows read into a list.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<IReadOnlyList<(string Affiliate, long Revenue, long Commission)>> PlainSqlCommissionQuery()
    {
        await using SqliteConnection connection = await new SqliteConnectionFactory(options).OpenAsync(default);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = CommissionQuery;
        command.Parameters.AddWithValue("$registry", RegistryId);
        command.Parameters.AddWithValue("$payment", (int)EventKind.SubscriptionPayment);
        command.Parameters.AddWithValue("$refund", (int)EventKind.Refund);
        command.Parameters.AddWithValue("$start", Nanoseconds(epoch.Start));
        command.Parameters.AddWithValue("$end", Nanoseconds(epoch.End));
        command.Parameters.AddWithValue("$tier2", (long)TierPresets.Tier2ThresholdLamports);
        var rows = new List<(string Affiliate, long Revenue, long Commission)>(AffiliateCount);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>
    /// Settlement as the program engine runs it: the epoch's ledger read from the store and kept to attributed revenue,
    /// the partners' latest statements read, then <see cref="EpochSettler"/>: statements, hashes, payouts, Merkle root.
    /// </summary>
    [Benchmark]
    public async Task<EpochSettlement> SettleFromStore()
    {
        List<SettlementLine> lines = await ReadLinesAsync();
        return Settle(lines, await ReadStatesAsync());
    }

    /// <summary>The settlement step alone, on lines already read, to show what the SQLite read costs.</summary>
    [Benchmark]
    public EpochSettlement SettleInMemoryOnly() => Settle(loadedLines, loadedStates);

    private static long Nanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    private static string Code(int affiliate) => $"AFF{affiliate:D5}";

    private static string Owner(int affiliate) => $"affiliate-{affiliate:D5}";

    private static string User(int user) => $"user-{user:D6}";

    private static void CheckBothSidesAgree(IReadOnlyList<(string Affiliate, long Revenue, long Commission)> sql, EpochSettlement settlement)
    {
        long sqlTotal = sql.Sum(row => row.Commission);
        Amount settledTotal = settlement.Commissions;
        if (settledTotal != Amount.FromUnits(sqlTotal) || sql.Count != settlement.Statements.Count)
        {
            throw new InvalidOperationException(
                $"The SQL query pays {sqlTotal} to {sql.Count} affiliates; settlement earns {settledTotal} for {settlement.Statements.Count} partners.");
        }

        foreach ((string affiliate, long revenue, long commission) in sql)
        {
            EpochStatement? statement = settlement.StatementOf(affiliate);
            if (statement is null || statement.Revenue != Amount.FromUnits(revenue) || statement.Earned != Amount.FromUnits(commission))
            {
                throw new InvalidOperationException(
                    $"Affiliate '{affiliate}': the SQL query has revenue {revenue} and commission {commission}; settlement has {statement?.Revenue} and {statement?.Earned}.");
            }
        }

        int tier2 = settlement.Statements.Count(s => s.Tier == "Tier 2");
        if (tier2 == 0 || tier2 == settlement.Statements.Count)
        {
            throw new InvalidOperationException($"{tier2} of {settlement.Statements.Count} partners are in Tier 2; the data must exercise both tiers.");
        }
    }

    private EpochSettlement Settle(List<SettlementLine> lines, Dictionary<string, PartnerState> previousStates) =>
        EpochSettler.Settle(new SettlementRequest(RegistryId, epoch, terms, lines, epoch.End) { PreviousStates = previousStates });

    private async Task<List<SettlementLine>> ReadLinesAsync()
    {
        var lines = new List<SettlementLine>();
        await foreach (LedgerEntry entry in store.ReadAttributedLedgerAsync(RegistryId, CommissionBase, epoch.Start, epoch.End))
        {
            lines.Add(new SettlementLine(entry.RegistryId, entry.EventId, entry.Sequence, entry.OccurredAt, entry.Account, entry.Code!, terms.PayoutAsset, entry.Amount));
        }

        return lines;
    }

    private async Task<Dictionary<string, PartnerState>> ReadStatesAsync()
    {
        IReadOnlyList<EpochStatement> latest = await store.ListLatestStatementsAsync(RegistryId, epoch.Start);
        return latest.ToDictionary(s => s.Partner, PartnerState.After, StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes codes, account bindings and events with the entries the engine records for them: a payment attributed
    /// through the user's binding credits its revenue to the code's payee; a refund negates that entry and leaves an
    /// entry-less marker, as <c>ProgramEngine.Ingest</c> does.
    /// </summary>
    private async Task WriteDataAsync()
    {
        Instant created = epoch.Start - Duration.FromDays(30);
        var codes = new PartnerCode[AffiliateCount];
        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(new Registry(RegistryId, "Bench", "admin", TermsVersion, [], created, Version: 1));
            unit.SaveTerms(programTerms with { EffectiveFrom = created });
            for (int a = 0; a < AffiliateCount; a++)
            {
                codes[a] = new PartnerCode(RegistryId, Code(a), 1, Owner(a), "bench", Owner(a), Rate.Zero, Rate.Zero, null, CodeStatus.Active, created, null, Version: 1);
                unit.SaveCode(codes[a]);
            }

            for (int u = 0; u < UserCount; u++)
            {
                PartnerCode code = codes[u % AffiliateCount];
                unit.SaveBinding(new Binding(RegistryId, User(u), Binding.AccountScope, code.Code, code.Generation, TermsVersion, BindingStatus.Active, created));
            }

            await unit.CommitAsync();
        }

        var random = new Random(42);
        long weekTicks = (epoch.End - epoch.Start).BclCompatibleTicks;
        for (int first = 0; first < PaymentCount; first += PaymentsPerUnit)
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            for (int p = first; p < first + PaymentsPerUnit; p++)
            {
                int user = random.Next(UserCount);
                PartnerCode code = codes[user % AffiliateCount];
                Instant at = epoch.Start + Duration.FromTicks(random.NextInt64(weekTicks));

                // Whole multiples of 10 lamports: 20 % and 30 % of every line are exact, so the settler's per-line
                // truncation and the SQL's one rounding per affiliate must give the same commission.
                Amount price = Amount.FromUnits(random.Next(1, 120_000_000) * 10L);
                var payment = new ProgramEvent(RegistryId, $"pay-{p:D6}", EventKind.SubscriptionPayment, at, User(user), price, Amount.Zero);
                var revenue = new LedgerEntry(RegistryId, payment.Id, 0, at, LedgerEntryKind.AttributedRevenue, code.PaymentAddress, code.Code, code.Generation, TermsVersion, price, FeeOutcome.Applied);
                unit.AppendEvent(payment, [revenue]);
                if (p % RefundEvery == 0)
                {
                    Instant refundedAt = at + Duration.FromTicks(random.NextInt64((epoch.End - at).BclCompatibleTicks));
                    var refund = new ProgramEvent(RegistryId, $"ref-{p:D6}", EventKind.Refund, refundedAt, payment.UserAddress, price, Amount.Zero, RefundOf: payment.Id);
                    unit.AppendEvent(refund, [revenue with { EventId = refund.Id, OccurredAt = refundedAt, Amount = -price, Outcome = FeeOutcome.Clawback }]);
                    unit.AppendEvent(refund with { Id = "~refund:" + payment.Id, Amount = Amount.Zero }, []);
                }
            }

            await unit.CommitAsync();
        }
    }
}
