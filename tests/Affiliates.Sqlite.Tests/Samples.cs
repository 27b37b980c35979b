using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Sqlite.Tests;

/// <summary>Small valid records for store tests.</summary>
internal static class Samples
{
    public const string RegistryId = "rujira";

    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static Registry Registry(string admin = "admin") =>
        new(RegistryId, "Rujira", admin, 1, ["wash1", "wash2"], T0, Version: 1);

    public static ProgramTerms Terms(int version = 1) => new(
        RegistryId,
        version,
        T0,
        ProgramKind.FeeShare,
        Rate.FromBasisPoints(500),
        [new MultiplierStep(Amount.Zero, Multiplier.One), new MultiplierStep(Amount.MaxValue, Multiplier.Parse("1.25"))],
        new RateRange(Rate.Zero, Rate.FromPercent(50)),
        new RateRange(Rate.Zero, Rate.FromPercent(3)),
        "^[A-Z0-9_-]{3,20}$",
        ["ADMIN", "RUJIRA"],
        Duration.FromDays(30),
        Duration.FromDays(30),
        BindingPolicy.Replaceable,
        AllowSelfReferral: false,
        NewUsersOnly: true,
        TierMetric.LifetimeRevenue,
        [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Asset.Sol.Whole(50), Rate.FromPercent(30))],
        TiersNeverDowngrade: true,
        EpochCadence.WeeklySunday,
        Asset.UsdcSolana.Whole(10),
        Asset.UsdcSolana);

    public static PartnerCode Code(string code = "AB123", int generation = 1, string owner = "owner") =>
        new(RegistryId, code, generation, owner, "twitter", "pay", Rate.FromPercent(20), Rate.FromBasisPoints(30), Rate.FromBasisPoints(700), CodeStatus.Active, T0, null, Version: 1);

    public static ProgramEvent Event(string id, int minute = 0, string user = "user") =>
        new(RegistryId, id, EventKind.Trade, T0.Plus(Duration.FromMinutes(minute)), user, Amount.FromUnits(1000), Amount.FromUnits(1_000_000), "SOL/USDC", "AB123");

    public static LedgerEntry[] Entries(ProgramEvent e) =>
    [
        new(e.RegistryId, e.Id, 0, e.OccurredAt, LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, "AB123", 1, 1, Amount.FromUnits(925), FeeOutcome.Applied),
        new(e.RegistryId, e.Id, 1, e.OccurredAt, LedgerEntryKind.Partner, "pay", "AB123", 1, 1, Amount.FromUnits(60), FeeOutcome.Applied),
        new(e.RegistryId, e.Id, 2, e.OccurredAt, LedgerEntryKind.User, e.UserAddress, "AB123", 1, 1, Amount.FromUnits(15), FeeOutcome.Applied),
    ];

    public static EpochStatement Statement(string epochId, string partner) =>
        new(RegistryId, epochId, T0, T0.Plus(Duration.FromDays(7)), partner, "Tier 1", Amount.FromUnits(5000), Amount.Zero, Amount.FromUnits(1000), Amount.FromUnits(1000), Amount.Zero,
            [new StatementLine("e1", 0, T0, "AB123", Amount.FromUnits(5000), Rate.FromPercent(20), Amount.FromUnits(1000))], "hash-" + partner, Referrals: 3, DustSwept: Amount.FromUnits(7), IdleEpochs: 2);

    public static PayoutIntent Payout(string id, long version = 0, PayoutStatus status = PayoutStatus.Pending) =>
        new(id, RegistryId, "2026-W45", "partner", "payee", Asset.UsdcSolana, Amount.FromUnits(1000), status, version, T0, null);
}
