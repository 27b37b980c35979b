using Affiliates.Ledger;
using Affiliates.Settlement;

namespace Affiliates.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Settlement_Saved_IsReadBackWithLinesAndPayouts()
    {
        IAffiliateStore store = await CreateStoreAsync();
        EpochStatement zed = Sample.Statement("w1", "zed", Sample.At(0), Sample.At(100));
        EpochStatement amy = Sample.Statement("w1", "amy", Sample.At(0), Sample.At(100)) with { Lines = [] };
        PayoutIntent payout = Sample.Payout("p1", "w1");

        EpochStatement user = Sample.Statement("w1", "amy", Sample.At(0), Sample.At(100), kind: PayeeKind.User);

        await CommitAsync(store, u => Settle(u, "w1", null, [zed, user, amy], [payout]));

        Assert.True(await store.IsEpochSettledAsync("reg", "w1"));
        Assert.False(await store.IsEpochSettledAsync("reg", "w2"));
        Assert.False(await store.IsEpochSettledAsync("reg2", "w1"));
        IReadOnlyList<EpochStatement> read = await store.ListStatementsAsync("reg", "w1");
        Assert.Equal([PayeeKey.Partner("amy"), PayeeKey.Partner("zed"), PayeeKey.User("amy")], read.Select(s => s.Key));
        AssertSameStatement(amy, read[0]);
        AssertSameStatement(zed, read[1]);
        AssertSameStatement(user, read[2]);
        AssertSameStatement(user, await store.GetStatementAsync("reg", "w1", PayeeKey.User("amy")));
        AssertSameStatement(amy, await store.GetStatementAsync("reg", "w1", PayeeKey.Partner("amy")));
        Assert.Null(await store.GetStatementAsync("reg", "w1", PayeeKey.User("zed")));
        Assert.Null(await store.GetStatementAsync("reg", "w2", PayeeKey.Partner("amy")));
        Assert.Equal(payout, await store.GetPayoutAsync("p1"));
        Assert.Empty(await store.ListStatementsAsync("reg", "w2"));
    }

    [Fact]
    public async Task Settlement_WithNoStatements_StillMarksTheEpochSettled()
    {
        IAffiliateStore store = await CreateStoreAsync();

        await CommitAsync(store, u => Settle(u, "w1", null, [], []));

        Assert.True(await store.IsEpochSettledAsync("reg", "w1"));
        Assert.Equal(StoreConflict.EpochAlreadySettled, (await CommitExpectingConflictAsync(store, u => u.SaveSettlement("reg", "w1", [], []))).Conflict);
    }

    [Fact]
    public async Task Settlement_SavedTwice_ConflictsAndKeepsTheFirst()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => Settle(u, "w1", null, [Sample.Statement("w1", "amy", Sample.At(0), Sample.At(100))], [Sample.Payout("p1", "w1")]));

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u =>
            u.SaveSettlement("reg", "w1", [Sample.Statement("w1", "bob", Sample.At(0), Sample.At(100))], [Sample.Payout("p2", "w1")]));

        Assert.Equal(StoreConflict.EpochAlreadySettled, conflict.Conflict);
        Assert.Equal("reg/w1", conflict.Key);
        Assert.Equal(["amy"], (await store.ListStatementsAsync("reg", "w1")).Select(s => s.Payee));
        Assert.Null(await store.GetPayoutAsync("p2"));
    }

    [Fact]
    public async Task Settlement_OfAnEpochThatIsNotTheLatestClosed_Conflicts()
    {
        IAffiliateStore store = await CreateStoreAsync();

        StoreConflictException open = await CommitExpectingConflictAsync(store, u => u.SaveSettlement("reg", "w1", [], []));
        await CommitAsync(store, u => Settle(u, "w1", null, [], []));
        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w2", 100, 200), "w1"));
        StoreConflictException earlier = await CommitExpectingConflictAsync(store, u => u.SaveSettlement("reg", "w0", [], []));

        Assert.Equal((StoreConflict.ClosedEpochChanged, StoreConflict.ClosedEpochChanged), (open.Conflict, earlier.Conflict));
        Assert.False(await store.IsEpochSettledAsync("reg", "w0"));
    }

    [Fact]
    public async Task LatestStatements_ArePerPartnerTheLastEndingAtOrBeforeTheInstant()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => Settle(u, "w1", null, [Sample.Statement("w1", "amy", Sample.At(0), Sample.At(100)), Sample.Statement("w1", "bob", Sample.At(0), Sample.At(100))], []));
        await CommitAsync(store, u => Settle(u, "w2", "w1", [Sample.Statement("w2", "amy", Sample.At(100), Sample.At(200)), Sample.Statement("w2", "bob", Sample.At(100), Sample.At(200), kind: PayeeKind.User)], []));
        await CommitAsync(store, u => Settle(u, "w3", "w2", [Sample.Statement("w3", "amy", Sample.At(200), Sample.At(300)), Sample.Statement("w3", "cat", Sample.At(200), Sample.At(300))], []));
        await CommitAsync(store, u => Settle(u, "w3", null, [Sample.Statement("w3", "dan", Sample.At(200), Sample.At(300), registryId: "reg2")], [], "reg2"));

        IReadOnlyList<EpochStatement> latest = await store.ListLatestStatementsAsync("reg", Sample.At(200));

        Assert.Equal([(PayeeKey.Partner("amy"), "w2"), (PayeeKey.Partner("bob"), "w1"), (PayeeKey.User("bob"), "w2")], latest.Select(s => (s.Key, s.EpochId)));
        Assert.Empty(await store.ListLatestStatementsAsync("reg", Sample.At(99)));
        Assert.Equal(4, (await store.ListLatestStatementsAsync("reg", Sample.At(300))).Count);
    }

    [Fact]
    public async Task Payout_SavedWithExpectedVersion_Changes()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => Settle(u, "w1", null, [], [Sample.Payout("p1", "w1")]));
        PayoutIntent sent = Sample.Payout("p1", "w1", PayoutStatus.Sent, version: 2) with { TransactionId = "sig-1", UpdatedAt = Sample.At(5) };

        await CommitAsync(store, u => u.SavePayout(sent, expectedVersion: 1));

        Assert.Equal(sent, await store.GetPayoutAsync("p1"));
    }

    [Fact]
    public async Task Payout_SavedWithStaleOrUnknownVersion_Conflicts()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => Settle(u, "w1", null, [], [Sample.Payout("p1", "w1")]));
        await CommitAsync(store, u => u.SavePayout(Sample.Payout("p1", "w1", PayoutStatus.Claimed, 2), 1));

        StoreConflictException stale = await CommitExpectingConflictAsync(store, u => u.SavePayout(Sample.Payout("p1", "w1", PayoutStatus.Claimed, 2), 1));
        StoreConflictException unknown = await CommitExpectingConflictAsync(store, u => u.SavePayout(Sample.Payout("p9", "w1", PayoutStatus.Claimed, 2), 1));

        Assert.Equal(StoreConflict.PayoutVersionMismatch, stale.Conflict);
        Assert.Equal("p1", stale.Key);
        Assert.Equal(StoreConflict.PayoutVersionMismatch, unknown.Conflict);
        Assert.Null(await store.GetPayoutAsync("p9"));
    }

    [Fact]
    public async Task Payouts_AreListedByRegistryAndStatusInIdOrder()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u =>
        {
            Settle(u, "w1", null, [], [Sample.Payout("p3", "w1"), Sample.Payout("p1", "w1"), Sample.Payout("p2", "w1", PayoutStatus.Sent)]);
            Settle(u, "w1", null, [], [Sample.Payout("q1", "w1", registryId: "reg2")], "reg2");
        });

        Assert.Equal(["p1", "p3"], (await store.ListPayoutsAsync("reg", PayoutStatus.Pending)).Select(p => p.Id));
        Assert.Equal(["p2"], (await store.ListPayoutsAsync("reg", PayoutStatus.Sent)).Select(p => p.Id));
        Assert.Empty(await store.ListPayoutsAsync("reg", PayoutStatus.Failed));
    }

    [Fact]
    public async Task EightConcurrentAppendsOfOneEvent_StoreItOnce()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");

        CommitResult[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => CommitAsync(store, u => u.AppendEvent(e, Sample.Entries(e))))));

        Assert.Equal(7, results.Count(r => r.SkippedEventIds.Count == 1));
        Assert.Equal(2, (await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(1)))).Count);
    }

    [Fact]
    public async Task EightConcurrentSettlementsOfOneEpoch_YieldOneSettlement()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w1"), null));

        int winner = await RaceToCommitAsync(store, StoreConflict.EpochAlreadySettled, (u, i) =>
            u.SaveSettlement("reg", "w1", [Sample.Statement("w1", "partner-" + i, Sample.At(0), Sample.At(100))], [Sample.Payout("p" + i, "w1")]));

        Assert.Equal("partner-" + winner, Assert.Single(await store.ListStatementsAsync("reg", "w1")).Payee);
        Assert.Equal("p" + winner, Assert.Single(await store.ListPayoutsAsync("reg", PayoutStatus.Pending)).Id);
    }

    [Fact]
    public async Task EightConcurrentClaimsOfOnePayout_LetOneWorkerWin()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => Settle(u, "w1", null, [], [Sample.Payout("p1", "w1")]));

        int winner = await RaceToCommitAsync(store, StoreConflict.PayoutVersionMismatch, (u, i) =>
            u.SavePayout(Sample.Payout("p1", "w1", PayoutStatus.Claimed, 2) with { TransactionId = "worker-" + i }, 1));

        PayoutIntent? stored = await store.GetPayoutAsync("p1");
        Assert.Equal((PayoutStatus.Claimed, 2L, "worker-" + winner), (stored!.Status, stored.Version, stored.TransactionId));
    }

    [Fact]
    public async Task EightConcurrentConsumersOfOneNonce_LetOneSucceed()
    {
        IAffiliateStore store = await CreateStoreAsync();

        await RaceToCommitAsync(store, StoreConflict.NonceUsed, (u, _) => u.ConsumeNonce("signer", "n1", Sample.At(60)));
    }

    /// <summary>Closes an epoch after <paramref name="previous"/> and saves its settlement, in one unit.</summary>
    protected static void Settle(
        IAffiliateUnitOfWork unit, string epochId, string? previous, EpochStatement[] statements, PayoutIntent[] payouts, string registryId = "reg")
    {
        unit.CloseEpoch(Sample.Closed(epochId, registryId: registryId), previous);
        unit.SaveSettlement(registryId, epochId, statements, payouts);
    }

    protected static void AssertSameStatement(EpochStatement expected, EpochStatement? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Lines = actual.Lines }, actual);
        Assert.Equal(expected.Lines, actual.Lines);
    }

    protected static void AssertSameTerms(Programs.ProgramTerms expected, Programs.ProgramTerms? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            expected with { MultiplierLadder = actual.MultiplierLadder, ReservedCodes = actual.ReservedCodes, Tiers = actual.Tiers },
            actual);
        Assert.Equal(expected.MultiplierLadder, actual.MultiplierLadder);
        Assert.Equal(expected.ReservedCodes, actual.ReservedCodes);
        Assert.Equal(expected.Tiers, actual.Tiers);
    }
}
