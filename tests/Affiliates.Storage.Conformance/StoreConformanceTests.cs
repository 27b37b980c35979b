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

        CommitResult result = await CommitAsync(store, u => u.AppendEvent(e, [entries[2], entries[0], entries[1]]));

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
        ProgramEvent refund = new("reg", "r1", EventKind.Refund, Sample.At(1), "user", Amount.FromUnits(Int128.MaxValue), Amount.Zero, RefundOf: "e1");
        LedgerEntry clawback = new("reg", "r1", 0, refund.OccurredAt, LedgerEntryKind.Partner, "pay-owner", null, 0, 0, Amount.FromUnits(Int128.MinValue + 1), FeeOutcome.Clawback);

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
        Assert.Equal(6, (await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(1)))).Count);
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
        Assert.Equal(3, (await store.ListEntriesAsync("reg", "e1")).Count);
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
            ["c/0", "c/1", "c/2", "z/0", "z/1", "z/2", "a/0", "a/1", "a/2", "b/0", "b/1", "b/2"],
            read.Select(entry => $"{entry.EventId}/{entry.Sequence}"));
        Assert.Equal(Sample.Entries(events[2])[1], read[1]);
        Assert.Empty(await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(21), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadLedgerAsync("none", Sample.At(0), Sample.At(100))));
    }

    [Fact]
    public async Task CodeLedger_ReadsOnlyThatCodeGenerationInRange()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent e1 = Sample.Event("e1", 1);
        ProgramEvent e2 = Sample.Event("e2", 2);
        ProgramEvent e3 = Sample.Event("e3", 3);
        LedgerEntry[] other = [.. Sample.Entries(e2).Select(entry => entry with { Code = "OTHER" })];
        LedgerEntry[] newGeneration = [.. Sample.Entries(e3).Select(entry => entry with { CodeGeneration = 2 })];
        await CommitAsync(store, u =>
        {
            u.AppendEvent(e1, Sample.Entries(e1));
            u.AppendEvent(e2, other);
            u.AppendEvent(e3, newGeneration);
        });

        List<LedgerEntry> first = await ToListAsync(store.ReadCodeLedgerAsync("reg", "AB123", 1, Sample.At(0), Sample.At(10)));
        List<LedgerEntry> second = await ToListAsync(store.ReadCodeLedgerAsync("reg", "AB123", 2, Sample.At(0), Sample.At(3)));

        Assert.Equal(Sample.Entries(e1), first);
        Assert.Empty(second);
        Assert.Equal(3, (await ToListAsync(store.ReadCodeLedgerAsync("reg", "AB123", 2, Sample.At(3), Sample.At(4)))).Count);
    }

    [Fact]
    public async Task AttributedLedger_ReadsOnlyCodedEntriesOfTheGivenKindsInRange_InLedgerOrder()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent late = Sample.Event("a", 7);
        ProgramEvent early = Sample.Event("b", 6);
        ProgramEvent uncoded = Sample.Event("c", 6);
        ProgramEvent outside = Sample.Event("d", 8);
        await CommitAsync(store, u =>
        {
            u.AppendEvent(late, Sample.Entries(late));
            u.AppendEvent(early, Sample.Entries(early));
            u.AppendEvent(uncoded, [.. Sample.Entries(uncoded).Select(entry => entry with { Code = null })]);
            u.AppendEvent(outside, Sample.Entries(outside));
        });

        List<LedgerEntry> read = await ToListAsync(
            store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.Partner, LedgerEntryKind.User], Sample.At(6), Sample.At(8)));

        Assert.Equal(["b/1", "b/2", "a/1", "a/2"], read.Select(entry => $"{entry.EventId}/{entry.Sequence}"));
        Assert.Equal(Sample.Entries(early)[1], read[0]);
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("reg", [LedgerEntryKind.AttributedRevenue], Sample.At(0), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("reg", [], Sample.At(0), Sample.At(100))));
        Assert.Empty(await ToListAsync(store.ReadAttributedLedgerAsync("none", [LedgerEntryKind.Partner], Sample.At(0), Sample.At(100))));
        await Assert.ThrowsAsync<ArgumentNullException>("kinds", async () => await ToListAsync(store.ReadAttributedLedgerAsync("reg", null!, Sample.At(0), Sample.At(100))));
    }

    [Fact]
    public async Task NewEvent_IsStoredWithItsEntries_AndConflictsOnceItExists()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent guard = Sample.Event("guard", 1);
        ProgramEvent other = Sample.Event("other", 2);
        await CommitAsync(store, u => u.AppendNewEvent(guard, Sample.Entries(guard)));

        StoreConflictException committedBefore = await CommitExpectingConflictAsync(store, u =>
        {
            u.AppendEvent(other, Sample.Entries(other));
            u.AppendNewEvent(guard, []);
        });
        StoreConflictException twiceInOneUnit = await CommitExpectingConflictAsync(store, u =>
        {
            u.AppendNewEvent(other, []);
            u.AppendNewEvent(other, []);
        });

        Assert.Equal(StoreConflict.EventExists, committedBefore.Conflict);
        Assert.Equal(StoreConflict.EventExists, twiceInOneUnit.Conflict);
        Assert.Equal(Sample.Entries(guard), await store.ListEntriesAsync("reg", "guard"));
        Assert.Null(await store.GetEventAsync("reg", "other"));
        Assert.Empty(await store.ListEntriesAsync("reg", "other"));
    }

    [Fact]
    public async Task NewEvent_FromEightConcurrentUnits_CommitsOnce_WithOnlyItsOwnUnitsWrites()
    {
        IAffiliateStore store = await CreateStoreAsync();
        ProgramEvent guard = Sample.Event("guard", 1);

        int winner = await RaceToCommitAsync(store, StoreConflict.EventExists, (u, w) =>
        {
            ProgramEvent own = Sample.Event($"own-{w}", 2);
            u.AppendEvent(own, Sample.Entries(own));
            u.AppendNewEvent(guard, []);
        });

        List<LedgerEntry> ledger = await ToListAsync(store.ReadLedgerAsync("reg", Sample.At(0), Sample.At(10)));
        Assert.Equal([.. Sample.Entries(Sample.Event($"own-{winner}", 2))], ledger);
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
