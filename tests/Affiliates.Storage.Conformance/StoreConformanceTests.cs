using Affiliates.Ledger;
using Affiliates.Programs;

namespace Affiliates.Storage.Conformance;

/// <summary>
/// What every <see cref="IAffiliateStore"/> must do. A store's test project subclasses this in one line and
/// returns a fresh, empty store from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract partial class StoreConformanceTests
{
    protected abstract Task<IAffiliateStore> CreateStoreAsync();

    protected static async Task<CommitResult> CommitAsync(IAffiliateStore store, Action<IAffiliateUnitOfWork> write)
    {
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        write(unit);
        return await unit.CommitAsync();
    }

    protected static async Task<StoreConflictException> CommitExpectingConflictAsync(IAffiliateStore store, Action<IAffiliateUnitOfWork> write) =>
        await Assert.ThrowsAsync<StoreConflictException>(() => CommitAsync(store, write));

    /// <summary>Commits one unit from each of eight workers released together; asserts that exactly one commits and
    /// the others fail with <paramref name="conflict"/>, and returns the winner.</summary>
    protected static async Task<int> RaceToCommitAsync(IAffiliateStore store, StoreConflict conflict, Action<IAffiliateUnitOfWork, int> write)
    {
        const int Workers = 8;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<Exception?>[] workers = [.. Enumerable.Range(0, Workers).Select(w => Task.Run<Exception?>(async () =>
        {
            await start.Task;
            return await Record.ExceptionAsync(() => CommitAsync(store, u => write(u, w)));
        }))];
        start.SetResult();
        Exception?[] failures = await Task.WhenAll(workers);

        int winner = Assert.Single(Enumerable.Range(0, Workers), w => failures[w] is null);
        Assert.All(failures.Where(f => f is not null), f => Assert.Equal(conflict, Assert.IsType<StoreConflictException>(f).Conflict));
        return winner;
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Registry_Saved_IsReadBackWithItsExclusions()
    {
        IAffiliateStore store = await CreateStoreAsync();
        Registry registry = Sample.Registry();

        await CommitAsync(store, u => u.SaveRegistry(registry));

        Registry? read = await store.GetRegistryAsync("reg");
        Assert.NotNull(read);
        Assert.Equal(registry with { ExcludedAddresses = read.ExcludedAddresses }, read);
        Assert.Equal(registry.ExcludedAddresses, read.ExcludedAddresses);
        Assert.Null(await store.GetRegistryAsync("other"));
    }

    [Fact]
    public async Task Registry_NextVersionSaved_ReplacesTheStoredOne()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry()));

        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry() with { TermsVersion = 2, ExcludedAddresses = [], Version = 2 }));

        Registry? read = await store.GetRegistryAsync("reg");
        Assert.Equal(2, read!.TermsVersion);
        Assert.Empty(read.ExcludedAddresses);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Registry_FirstVersionSavedAgain_ConflictsAsTaken()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry()));

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u => u.SaveRegistry(Sample.Registry(admin: "intruder")));

        Assert.Equal(StoreConflict.RegistryTaken, conflict.Conflict);
        Assert.Equal("admin", (await store.GetRegistryAsync("reg"))!.AdminAddress);
    }

    [Fact]
    public async Task Registry_SavedOverAVersionItDidNotFollow_ConflictsAsChanged()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry()));
        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry() with { ExcludedAddresses = ["first-writer"], Version = 2 }));

        StoreConflictException stale = await CommitExpectingConflictAsync(store, u => u.SaveRegistry(Sample.Registry() with { TermsVersion = 2, Version = 2 }));
        StoreConflictException ahead = await CommitExpectingConflictAsync(store, u => u.SaveRegistry(Sample.Registry() with { TermsVersion = 2, Version = 4 }));
        StoreConflictException missing = await CommitExpectingConflictAsync(store, u => u.SaveRegistry(Sample.Registry("other") with { Version = 2 }));

        Assert.All([stale, ahead, missing], c => Assert.Equal(StoreConflict.RegistryChanged, c.Conflict));
        Assert.Equal(["first-writer"], (await store.GetRegistryAsync("reg"))!.ExcludedAddresses);
        Assert.Equal(1, (await store.GetRegistryAsync("reg"))!.TermsVersion);
        Assert.Null(await store.GetRegistryAsync("other"));
    }

    [Fact]
    public async Task Registry_VersionsChainedInOneUnit_Commit()
    {
        IAffiliateStore store = await CreateStoreAsync();

        await CommitAsync(store, u =>
        {
            u.SaveRegistry(Sample.Registry());
            u.SaveRegistry(Sample.Registry() with { TermsVersion = 2, Version = 2 });
        });

        Assert.Equal((2, 2L), ((await store.GetRegistryAsync("reg"))!.TermsVersion, (await store.GetRegistryAsync("reg"))!.Version));
    }

    [Fact]
    public async Task Registry_WritersFollowingTheSameVersion_OneCommits()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveRegistry(Sample.Registry()));

        int winner = await RaceToCommitAsync(store, StoreConflict.RegistryChanged, (u, w) => u.SaveRegistry(Sample.Registry() with { ExcludedAddresses = [$"worker-{w}"], Version = 2 }));

        Assert.Equal([$"worker-{winner}"], (await store.GetRegistryAsync("reg"))!.ExcludedAddresses);
    }

    [Fact]
    public async Task Terms_Saved_AreReadBackFieldByFieldPerVersion()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramTerms v1 = Sample.Terms();
        ProgramTerms v2 = Sample.Terms(version: 2) with { Kind = ProgramKind.RevenueShare, MultiplierLadder = [], Tiers = [], ReservedCodes = [], Epochs = EpochCadence.Monthly, PayoutAsset = Asset.Sol };

        await CommitAsync(store, u =>
        {
            u.SaveTerms(v1);
            u.SaveTerms(v2);
        });

        AssertSameTerms(v1, await store.GetTermsAsync("reg", 1));
        AssertSameTerms(v2, await store.GetTermsAsync("reg", 2));
        Assert.Null(await store.GetTermsAsync("reg", 3));
    }

    [Fact]
    public async Task Terms_SameVersionSavedTwice_Conflicts()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveTerms(Sample.Terms()));

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u => u.SaveTerms(Sample.Terms() with { NewUsersOnly = false }));

        Assert.Equal(StoreConflict.TermsVersionExists, conflict.Conflict);
        Assert.True((await store.GetTermsAsync("reg", 1))!.NewUsersOnly);
    }

    [Fact]
    public async Task Code_Saved_IsReadBackAsLatestGeneration()
    {
        IAffiliateStore store = await CreateStoreAsync();
        PartnerCode first = Sample.Code() with { Status = CodeStatus.Retired, RetiredAt = Sample.At(10) };
        PartnerCode second = Sample.Code(generation: 2, owner: "new-owner") with { ReferralFeeOverride = null, CreatedAt = Sample.At(20) };

        await CommitAsync(store, u => u.SaveCode(first));
        Assert.Equal(first, await store.GetCodeAsync("reg", "AB123"));

        await CommitAsync(store, u => u.SaveCode(second));
        Assert.Equal(second, await store.GetCodeAsync("reg", "AB123"));
        Assert.Equal(first, await store.GetCodeGenerationAsync("reg", "AB123", 1));
        Assert.Equal(second, await store.GetCodeGenerationAsync("reg", "AB123", 2));
        Assert.Null(await store.GetCodeGenerationAsync("reg", "AB123", 3));
        Assert.Null(await store.GetCodeAsync("reg", "OTHER"));
        Assert.Null(await store.GetCodeAsync("other", "AB123"));
    }

    [Fact]
    public async Task Code_NextVersionSaved_ReplacesTheStoredOne()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveCode(Sample.Code()));
        PartnerCode changed = Sample.Code() with { Kickback = Rate.FromPercent(50), PaymentAddress = "pay-2", Version = 2 };

        await CommitAsync(store, u => u.SaveCode(changed));

        Assert.Equal(changed, await store.GetCodeAsync("reg", "AB123"));
    }

    [Fact]
    public async Task Code_FirstVersionOfAStoredGenerationSavedAgain_ConflictsAsTaken()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveCode(Sample.Code()));

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u => u.SaveCode(Sample.Code(owner: "thief")));

        Assert.Equal(StoreConflict.CodeTaken, conflict.Conflict);
        Assert.Equal("owner", (await store.GetCodeAsync("reg", "AB123"))!.OwnerAddress);
    }

    [Fact]
    public async Task Code_SavedOverAVersionItDidNotFollow_ConflictsAsChanged()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveCode(Sample.Code()));
        PartnerCode retired = Sample.Code() with { Status = CodeStatus.Retired, RetiredAt = Sample.At(5), Version = 2 };
        await CommitAsync(store, u => u.SaveCode(retired));

        StoreConflictException stale = await CommitExpectingConflictAsync(store, u => u.SaveCode(Sample.Code() with { PaymentAddress = "pay-2", Version = 2 }));
        StoreConflictException missing = await CommitExpectingConflictAsync(store, u => u.SaveCode(Sample.Code(generation: 2) with { Version = 2 }));

        Assert.All([stale, missing], c => Assert.Equal(StoreConflict.CodeChanged, c.Conflict));
        Assert.Equal(retired, await store.GetCodeAsync("reg", "AB123"));
    }

    [Fact]
    public async Task Code_WritersFollowingTheSameVersion_OneCommits()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.SaveCode(Sample.Code()));

        int winner = await RaceToCommitAsync(store, StoreConflict.CodeChanged, (u, w) => u.SaveCode(Sample.Code() with { PaymentAddress = $"pay-{w}", Version = 2 }));

        Assert.Equal($"pay-{winner}", (await store.GetCodeAsync("reg", "AB123"))!.PaymentAddress);
    }

    [Fact]
    public async Task CodesByOwner_AreLatestGenerationsOfThatOwnerInCodeOrder()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u =>
        {
            u.SaveCode(Sample.Code("ZED"));
            u.SaveCode(Sample.Code("ALPHA"));
            u.SaveCode(Sample.Code("ALPHA", generation: 2));
            u.SaveCode(Sample.Code("OTHERS", owner: "someone"));
            u.SaveCode(Sample.Code("ELSEWHERE", registryId: "reg2"));
        });

        IReadOnlyList<PartnerCode> codes = await store.ListCodesByOwnerAsync("reg", "owner");

        Assert.Equal([("ALPHA", 2), ("ZED", 1)], codes.Select(c => (c.Code, c.Generation)));
        Assert.Empty(await store.ListCodesByOwnerAsync("reg", "nobody"));
    }

    [Fact]
    public async Task Binding_IsUpsertedPerUserAndScope()
    {
        IAffiliateStore store = await CreateStoreAsync();
        Binding account = Sample.Binding();
        Binding vault = Sample.Binding(scope: "vault:v1", code: "VAULTY");
        await CommitAsync(store, u =>
        {
            u.SaveBinding(account);
            u.SaveBinding(vault);
        });
        Binding removed = account with { Status = BindingStatus.Removed, BoundAt = Sample.At(5), TermsVersion = 2 };

        await CommitAsync(store, u => u.SaveBinding(removed));

        Assert.Equal(removed, await store.GetBindingAsync("reg", "user", ""));
        Assert.Equal(vault, await store.GetBindingAsync("reg", "user", "vault:v1"));
        Assert.Null(await store.GetBindingAsync("reg", "other", ""));
    }

    [Fact]
    public async Task Bindings_MadeInARange_AreReadInTimeUserScopeOrder()
    {
        IAffiliateStore store = await CreateStoreAsync();
        Binding late = Sample.Binding(user: "a") with { BoundAt = Sample.At(7) };
        Binding earlyB = Sample.Binding(user: "b") with { BoundAt = Sample.At(6) };
        Binding earlyA = Sample.Binding(user: "a", scope: "vault:v1") with { BoundAt = Sample.At(6), Status = BindingStatus.Removed };
        Binding outside = Sample.Binding(user: "c") with { BoundAt = Sample.At(8) };
        Binding elsewhere = Sample.Binding(user: "d", registryId: "reg2") with { BoundAt = Sample.At(6) };
        await CommitAsync(store, u =>
        {
            foreach (Binding binding in (Binding[])[late, earlyB, earlyA, outside, elsewhere])
            {
                u.SaveBinding(binding);
            }
        });

        List<Binding> read = await ToListAsync(store.ReadBindingsAsync("reg", Sample.At(6), Sample.At(8)));

        Assert.Equal([earlyA, earlyB, late], read);
        Assert.Empty(await ToListAsync(store.ReadBindingsAsync("reg", Sample.At(9), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadBindingsAsync("none", Sample.At(0), Sample.At(100))));
    }

    [Fact]
    public async Task ReplaceBinding_WritesOnlyOverTheExpectedBinding_AndAConflictWritesNothing()
    {
        IAffiliateStore store = await CreateStoreAsync();
        Binding first = Sample.Binding();
        Binding second = first with { Code = "SECOND", BoundAt = Sample.At(5) };
        Binding removed = second with { Status = BindingStatus.Removed, BoundAt = Sample.At(6), TermsVersion = 2 };
        Binding unrelated = Sample.Binding(scope: "vault:v1");
        await CommitAsync(store, u => u.ReplaceBinding(first, expected: null));
        ProgramEvent e = Sample.Event("e1");

        StoreConflictException alreadyBound = await CommitExpectingConflictAsync(store, u =>
        {
            u.AppendEvent(e, Sample.Entries(e));
            u.ReplaceBinding(second, expected: null);
        });
        StoreConflictException stale = await CommitExpectingConflictAsync(store, u => u.ReplaceBinding(removed, expected: second));
        await CommitAsync(store, u =>
        {
            u.ReplaceBinding(second, expected: first);
            u.ReplaceBinding(removed, expected: second);
            u.ReplaceBinding(unrelated, expected: null);
        });

        Assert.Equal(StoreConflict.BindingChanged, alreadyBound.Conflict);
        Assert.Equal(StoreConflict.BindingChanged, stale.Conflict);
        Assert.Null(await store.GetEventAsync("reg", "e1"));
        Assert.Equal(removed, await store.GetBindingAsync("reg", "user", ""));
        Assert.Equal(unrelated, await store.GetBindingAsync("reg", "user", "vault:v1"));
    }

    [Fact]
    public async Task ReplaceBinding_FromEightConcurrentUnitsExpectingNone_CommitsOnce()
    {
        IAffiliateStore store = await CreateStoreAsync();

        int winner = await RaceToCommitAsync(store, StoreConflict.BindingChanged, (u, w) => u.ReplaceBinding(Sample.Binding(code: $"CODE{w}"), expected: null));

        Assert.Equal(Sample.Binding(code: $"CODE{winner}"), await store.GetBindingAsync("reg", "user", ""));
    }

    [Fact]
    public async Task Click_Saved_IsReadBackByToken()
    {
        IAffiliateStore store = await CreateStoreAsync();
        AttributionClick click = Sample.Click();

        await CommitAsync(store, u => u.SaveClick(click));

        Assert.Equal(click, await store.GetClickAsync("tok"));
        Assert.Null(await store.GetClickAsync("nope"));
    }

    [Fact]
    public async Task Nonce_ConsumedTwice_Conflicts()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.ConsumeNonce("signer", "n1", Sample.At(60)));

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u => u.ConsumeNonce("signer", "n1", Sample.At(60)));

        Assert.Equal(StoreConflict.NonceUsed, conflict.Conflict);
        await CommitAsync(store, u =>
        {
            u.ConsumeNonce("other-signer", "n1", Sample.At(60));
            u.ConsumeNonce("signer", "n2", Sample.At(60));
        });
    }

    [Fact]
    public async Task Nonce_ConsumedTwiceInOneUnit_Conflicts()
    {
        IAffiliateStore store = await CreateStoreAsync();

        StoreConflictException conflict = await CommitExpectingConflictAsync(store, u =>
        {
            u.ConsumeNonce("signer", "n1", Sample.At(60));
            u.ConsumeNonce("signer", "n1", Sample.At(60));
        });

        Assert.Equal(StoreConflict.NonceUsed, conflict.Conflict);
        await CommitAsync(store, u => u.ConsumeNonce("signer", "n1", Sample.At(60)));
    }

    [Fact]
    public async Task Event_Appended_IsReadBackWithEntriesInSequence()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");
        LedgerEntry[] entries = Sample.Entries(e);

        CommitResult result = await CommitAsync(store, u => u.AppendEvent(e, [entries[1], entries[0]]));

        Assert.Empty(result.SkippedEventIds);
        Assert.Equal(e, await store.GetEventAsync("reg", "e1"));
        Assert.Equal(entries, await store.ListEntriesAsync("reg", "e1"));
        Assert.True(await store.HasEventsForUserAsync("reg", "user"));
        Assert.False(await store.HasEventsForUserAsync("reg", "stranger"));
        Assert.False(await store.HasEventsForUserAsync("reg2", "user"));
        Assert.Null(await store.GetEventAsync("reg2", "e1"));
        Assert.Empty(await store.ListEntriesAsync("reg", "e2"));
    }

    [Fact]
    public async Task Event_WithOptionalFieldsEmptyAndNegativeEntries_RoundTrips()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent refund = new("reg", "r1", EventKind.Refund, Sample.At(1), "user", Amount.FromUnits(Int128.MaxValue), Amount.Zero, Asset.Eth, RefundOf: "e1");
        LedgerEntry clawback = new LedgerEntry("reg", "r1", 0, refund.OccurredAt, LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, null, 0, 0, Amount.FromUnits(Int128.MinValue + 1), FeeOutcome.Clawback)
        {
            BookedAt = Sample.At(100),
            RefundOf = "e1",
        };

        await CommitAsync(store, u => u.AppendEvent(refund, [clawback]));

        Assert.Equal(refund, await store.GetEventAsync("reg", "r1"));
        Assert.Equal([clawback], await store.ListEntriesAsync("reg", "r1"));
    }

    [Fact]
    public async Task Event_AppendedAgain_IsSkippedAndReported()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");
        await CommitAsync(store, u => u.AppendEvent(e, Sample.Entries(e)));
        ProgramEvent replay = e with { Amount = Amount.FromUnits(7) };

        CommitResult result = await CommitAsync(store, u =>
        {
            u.AppendEvent(replay, [Sample.Entries(replay)[0] with { Amount = Amount.FromUnits(7) }]);
            u.AppendEvent(Sample.Event("e2"), Sample.Entries(Sample.Event("e2")));
        });

        Assert.Equal(["e1"], result.SkippedEventIds);
        Assert.Equal(e, await store.GetEventAsync("reg", "e1"));
        Assert.Equal(Sample.Entries(e), await store.ListEntriesAsync("reg", "e1"));
        Assert.Equal(4, (await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(1)))).Count);
    }

    [Fact]
    public async Task Event_AppendedTwiceInOneUnit_IsStoredOnce()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");

        CommitResult result = await CommitAsync(store, u =>
        {
            u.AppendEvent(e, Sample.Entries(e));
            u.AppendEvent(e, Sample.Entries(e));
        });

        Assert.Equal(["e1"], result.SkippedEventIds);
        Assert.Equal(2, (await store.ListEntriesAsync("reg", "e1")).Count);
    }

    [Fact]
    public async Task Ledger_ReadsHalfOpenRangeInTimeEventSequenceOrder()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent[] events = [Sample.Event("b", 10), Sample.Event("a", 10), Sample.Event("c", 5), Sample.Event("d", 20), Sample.Event("z", 9)];
        foreach (ProgramEvent e in events)
        {
            await CommitAsync(store, u => u.AppendEvent(e, Sample.Entries(e)));
        }

        await CommitAsync(store, u => u.AppendEvent(Sample.Event("x", 10, registryId: "reg2"), Sample.Entries(Sample.Event("x", 10, registryId: "reg2"))));

        List<LedgerEntry> read = await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(5), Sample.At(20)));

        Assert.Equal(
            ["c/0", "c/1", "z/0", "z/1", "a/0", "a/1", "b/0", "b/1"],
            read.Select(entry => $"{entry.EventId}/{entry.Sequence}"));
        Assert.Equal(Sample.Entries(events[2])[1], read[1]);
        Assert.Empty(await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(21), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadLedgerAsync("none", Sample.At(0), Sample.At(100))));
    }

    [Fact]
    public async Task AttributedLedger_ReadsCodedEntriesOfTheGivenKinds_BookedInRange_LateOnesFirst()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent second = Sample.Event("a", 7);
        ProgramEvent first = Sample.Event("b", 6);
        ProgramEvent uncoded = Sample.Event("c", 6);
        ProgramEvent outside = Sample.Event("d", 8);
        ProgramEvent late = Sample.Event("z", 2);
        await CommitAsync(store, u =>
        {
            u.AppendEvent(second, Sample.Entries(second));
            u.AppendEvent(first, Sample.Entries(first));
            u.AppendEvent(uncoded, [.. Sample.Entries(uncoded).Select(entry => entry with { Code = null })]);
            u.AppendEvent(outside, Sample.Entries(outside));
            u.AppendEvent(late, [.. Sample.Entries(late).Select(entry => entry with { BookedAt = Sample.At(6) })]);
        });

        List<LedgerEntry> read = await ToListAsync(
            store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.AttributedRevenue, LedgerEntryKind.AffiliateFee], Sample.At(6), Sample.At(8)));
        List<LedgerEntry> fees = await ToListAsync(store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.AffiliateFee], Sample.At(6), Sample.At(8)));

        Assert.Equal(["z/0", "z/1", "b/0", "b/1", "a/0", "a/1"], read.Select(entry => $"{entry.EventId}/{entry.Sequence}"));
        Assert.Equal(Sample.Entries(late)[0] with { BookedAt = Sample.At(6) }, read[0]);
        Assert.True(read[0].IsLate);
        Assert.Equal(["z/1", "b/1", "a/1"], fees.Select(entry => $"{entry.EventId}/{entry.Sequence}"));
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.AttributedRevenue], Sample.At(0), Sample.At(6))));
        Assert.Single(await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(3))), entry => entry.EventId == "z" && entry.Sequence == 0);
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("reg", [], Sample.At(0), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("none", [LedgerEntryKind.AttributedRevenue], Sample.At(0), Sample.At(100))));
        await Assert.ThrowsAsync<ArgumentNullException>("kinds", async () => await ToListAsync(store.ReadAttributedLedgerAsync("reg", null!, Sample.At(0), Sample.At(100))));
    }

    [Fact]
    public async Task Entries_AppendedToAnEventAppendedBefore_AreReadBack_AndConflictWhenTheyExist()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent held = Sample.Event("r1", 3) with { Kind = EventKind.Refund, RefundOf = "e1" };
        await CommitAsync(store, u => u.AppendEvent(held, []));
        LedgerEntry reversal = Sample.Entries(held)[0] with { Amount = Amount.FromUnits(-400), Outcome = FeeOutcome.Clawback, RefundOf = "e1", BookedAt = Sample.At(9) };

        await CommitAsync(store, u => u.AppendEntries([reversal]));
        StoreConflictException again = await CommitExpectingConflictAsync(store, u => u.AppendEntries([reversal with { Amount = Amount.FromUnits(-1) }]));

        Assert.Equal(StoreConflict.EventExists, again.Conflict);
        Assert.Equal([reversal], await store.ListEntriesAsync("reg", "r1"));
        Assert.Equal([reversal], await ToListAsync(store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.AttributedRevenue], Sample.At(9), Sample.At(10))));
    }

    [Fact]
    public async Task Refund_SavedNew_IsReplacedOnlyFromItsExpectedStatus()
    {
        IAffiliateStore store = await CreateStoreAsync();
        RefundRecord held = Sample.Refund("r1", status: RefundStatus.Held);
        await CommitAsync(store, u => u.SaveRefund(held, null));

        StoreConflictException insertedTwice = await CommitExpectingConflictAsync(store, u => u.SaveRefund(held, null));
        StoreConflictException wrongStatus = await CommitExpectingConflictAsync(store, u => u.SaveRefund(Sample.Refund("r1"), RefundStatus.Applied));
        Assert.Equal(held, await store.GetRefundAsync("reg", "r1"));
        Assert.Equal([held], await store.ListHeldRefundsAsync("reg"));
        await CommitAsync(store, u => u.SaveRefund(Sample.Refund("r1"), RefundStatus.Held));

        Assert.Equal((StoreConflict.RefundChanged, StoreConflict.RefundChanged), (insertedTwice.Conflict, wrongStatus.Conflict));
        Assert.Equal(Sample.Refund("r1"), await store.GetRefundAsync("reg", "r1"));
        Assert.Empty(await store.ListHeldRefundsAsync("reg"));
        Assert.Null(await store.GetRefundAsync("reg", "r2"));
    }

    [Fact]
    public async Task Refunds_OfAnEvent_AreListedAppliedByOrdinal_ThenOthersById()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u =>
        {
            u.SaveRefund(Sample.Refund("r-c", status: RefundStatus.Held), null);
            u.SaveRefund(Sample.Refund("r-b", ordinal: 2, amount: 100, after: 500), null);
            u.SaveRefund(Sample.Refund("r-z", ordinal: 1), null);
            u.SaveRefund(Sample.Refund("r-a", status: RefundStatus.Refused), null);
            u.SaveRefund(Sample.Refund("other", payment: "e2"), null);
        });

        IReadOnlyList<RefundRecord> refunds = await store.ListRefundsAsync("reg", "e1");

        Assert.Equal(["r-z", "r-b", "r-a", "r-c"], refunds.Select(r => r.RefundId));
        Assert.Equal(Sample.Refund("r-b", ordinal: 2, amount: 100, after: 500), refunds[1]);
        Assert.Equal(["r-c"], (await store.ListHeldRefundsAsync("reg")).Select(r => r.RefundId));
        Assert.Empty(await store.ListRefundsAsync("reg", "e3"));
    }

    [Fact]
    public async Task Refund_AppliedWithAnOrdinalTaken_Conflicts_AndWritesNothing()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u =>
        {
            u.SaveRefund(Sample.Refund("r1"), null);
            u.SaveRefund(Sample.Refund("held", status: RefundStatus.Held), null);
        });

        StoreConflictException inserted = await CommitExpectingConflictAsync(store, u => u.SaveRefund(Sample.Refund("r2"), null));
        StoreConflictException updated = await CommitExpectingConflictAsync(store, u => u.SaveRefund(Sample.Refund("held"), RefundStatus.Held));

        Assert.Equal((StoreConflict.RefundChanged, StoreConflict.RefundChanged), (inserted.Conflict, updated.Conflict));
        Assert.Null(await store.GetRefundAsync("reg", "r2"));
        Assert.Equal(RefundStatus.Held, (await store.GetRefundAsync("reg", "held"))!.Status);
    }

    [Fact]
    public async Task EightConcurrentFirstRefundsOfOneEvent_LetOneApply()
    {
        IAffiliateStore store = await CreateStoreAsync();

        int winner = await RaceToCommitAsync(store, StoreConflict.RefundChanged, (u, w) =>
        {
            ProgramEvent refund = Sample.Event($"r{w}", 3) with { Kind = EventKind.Refund, RefundOf = "e1" };
            u.AppendEvent(refund, [Sample.Entries(refund)[0] with { Amount = Amount.FromUnits(-400) }]);
            u.SaveRefund(Sample.Refund($"r{w}"), null);
        });

        Assert.Equal([$"r{winner}"], (await store.ListRefundsAsync("reg", "e1")).Select(r => r.RefundId));
        Assert.Equal([$"r{winner}"], (await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(10)))).Select(e => e.EventId));
    }

    [Fact]
    public async Task ClosedEpoch_AdvancesOnlyFromTheExpectedPreviousEpoch()
    {
        IAffiliateStore store = await CreateStoreAsync();
        Assert.Null(await store.GetClosedEpochAsync("reg"));

        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w1"), null));
        StoreConflictException again = await CommitExpectingConflictAsync(store, u => u.CloseEpoch(Sample.Closed("w1"), null));
        StoreConflictException skipped = await CommitExpectingConflictAsync(store, u => u.CloseEpoch(Sample.Closed("w3", 200, 300), "w2"));
        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w2", 100, 200), "w1"));

        Assert.Equal((StoreConflict.ClosedEpochChanged, StoreConflict.ClosedEpochChanged), (again.Conflict, skipped.Conflict));
        Assert.Equal(Sample.Closed("w2", 100, 200), await store.GetClosedEpochAsync("reg"));
        Assert.Null(await store.GetClosedEpochAsync("reg2"));
    }

    [Fact]
    public async Task ExpectClosedEpoch_ConflictsOnceAnotherEpochWasClosed_AndWritesNothing()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");
        await CommitAsync(store, u => u.ExpectClosedEpoch("reg", null));
        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w1"), null));

        StoreConflictException stale = await CommitExpectingConflictAsync(store, u =>
        {
            u.AppendEvent(e, Sample.Entries(e));
            u.ExpectClosedEpoch("reg", null);
        });
        await CommitAsync(store, u =>
        {
            u.ExpectClosedEpoch("reg", "w1");
            u.ExpectClosedEpoch("reg2", null);
        });

        Assert.Equal(StoreConflict.ClosedEpochChanged, stale.Conflict);
        Assert.Null(await store.GetEventAsync("reg", "e1"));
        Assert.Equal(Sample.Closed("w1"), await store.GetClosedEpochAsync("reg"));
    }

    [Fact]
    public async Task EightConcurrentClosingsOfOneEpoch_LetOneWin()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.CloseEpoch(Sample.Closed("w1"), null));

        await RaceToCommitAsync(store, StoreConflict.ClosedEpochChanged, (u, _) => u.CloseEpoch(Sample.Closed("w2", 100, 200), "w1"));

        Assert.Equal(Sample.Closed("w2", 100, 200), await store.GetClosedEpochAsync("reg"));
    }

    [Fact]
    public async Task Conflict_RollsBackEveryWriteOfTheUnit()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u => u.ConsumeNonce("signer", "n1", Sample.At(60)));
        ProgramEvent e = Sample.Event("e1");

        await CommitExpectingConflictAsync(store, u =>
        {
            u.SaveRegistry(Sample.Registry());
            u.SaveTerms(Sample.Terms());
            u.SaveCode(Sample.Code());
            u.SaveBinding(Sample.Binding());
            u.SaveClick(Sample.Click());
            u.AppendEvent(e, Sample.Entries(e));
            u.SaveRefund(Sample.Refund("r1"), null);
            u.CloseEpoch(Sample.Closed("w1"), null);
            u.SaveSettlement("reg", "w1", [Sample.Statement("w1", "p", Sample.At(0), Sample.At(10))], [Sample.Payout("p1")]);
            u.ConsumeNonce("signer", "n1", Sample.At(60));
        });

        Assert.Null(await store.GetRegistryAsync("reg"));
        Assert.Null(await store.GetTermsAsync("reg", 1));
        Assert.Null(await store.GetCodeAsync("reg", "AB123"));
        Assert.Null(await store.GetBindingAsync("reg", "user", ""));
        Assert.Null(await store.GetClickAsync("tok"));
        Assert.Null(await store.GetEventAsync("reg", "e1"));
        Assert.Empty(await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(100))));
        Assert.False(await store.HasEventsForUserAsync("reg", "user"));
        Assert.False(await store.IsEpochSettledAsync("reg", "w1"));
        Assert.Null(await store.GetClosedEpochAsync("reg"));
        Assert.Null(await store.GetRefundAsync("reg", "r1"));
        Assert.Null(await store.GetPayoutAsync("p1"));
    }

    [Fact]
    public async Task ForgetNonces_ForgetsOnlyThoseExpiredBefore_SoTheyCanBeConsumedAgain()
    {
        IAffiliateStore store = await CreateStoreAsync();
        await CommitAsync(store, u =>
        {
            u.ConsumeNonce("signer", "old", Sample.At(10));
            u.ConsumeNonce("signer", "edge", Sample.At(20));
            u.ConsumeNonce("signer", "new", Sample.At(30));
        });

        await CommitAsync(store, u => u.ForgetNonces(Sample.At(20)));

        await CommitAsync(store, u => u.ConsumeNonce("signer", "old", Sample.At(40)));
        Assert.Equal(StoreConflict.NonceUsed, (await CommitExpectingConflictAsync(store, u => u.ConsumeNonce("signer", "edge", Sample.At(40)))).Conflict);
        Assert.Equal(StoreConflict.NonceUsed, (await CommitExpectingConflictAsync(store, u => u.ConsumeNonce("signer", "new", Sample.At(40)))).Conflict);
        Assert.Equal(StoreConflict.NonceUsed, (await CommitExpectingConflictAsync(store, u => u.ConsumeNonce("signer", "old", Sample.At(40)))).Conflict);
    }

    [Fact]
    public async Task Unit_DisposedWithoutCommit_WritesNothing()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e = Sample.Event("e1");

        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(Sample.Registry());
            unit.AppendEvent(e, Sample.Entries(e));
            unit.ConsumeNonce("signer", "n1", Sample.At(60));
        }

        Assert.Null(await store.GetRegistryAsync("reg"));
        Assert.Null(await store.GetEventAsync("reg", "e1"));
        await CommitAsync(store, u => u.ConsumeNonce("signer", "n1", Sample.At(60)));
    }
}
