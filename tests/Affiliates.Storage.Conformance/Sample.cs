using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Storage.Conformance;

/// <summary>Small valid records for store tests; instants are whole seconds so every store keeps them exactly.</summary>
public static class Sample
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static Instant At(int seconds) => T0 + Duration.FromSeconds(seconds);

    public static Registry Registry(string id = "reg", string admin = "admin") =>
        new(id, "Registry " + id, admin, 1, ["excluded-1", "excluded-2"], T0, Version: 1);

    public static ProgramTerms Terms(string registryId = "reg", int version = 1) => new(
        registryId,
        version,
        T0,
        ProgramKind.FeeShare,
        Rate.FromBasisPoints(500),
        [new MultiplierStep(Amount.Zero, Multiplier.One), new MultiplierStep(Amount.FromUnits(100), Multiplier.Parse("1.25"))],
        new RateRange(Rate.Zero, Rate.FromPercent(50)),
        new RateRange(Rate.Zero, Rate.FromPercent(3)),
        "^[A-Z0-9_-]{3,20}$",
        ["ADMIN", "ROOT"],
        Duration.FromDays(90),
        Duration.FromDays(30),
        BindingPolicy.Replaceable,
        false,
        true,
        TierMetric.LifetimeRevenue,
        [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Amount.FromUnits(50_000_000_000), Rate.FromPercent(30))],
        true,
        EpochCadence.WeeklySunday,
        Amount.FromUnits(1_000_000),
        Asset.UsdcSolana);

    public static PartnerCode Code(string code = "AB123", int generation = 1, string owner = "owner", string registryId = "reg") =>
        new(registryId, code, generation, owner, "twitter", "pay-" + owner, Rate.FromPercent(20), Rate.FromBasisPoints(25), Rate.FromBasisPoints(700), CodeStatus.Active, T0, null, Version: 1);

    public static Binding Binding(string user = "user", string scope = "", string code = "AB123", string registryId = "reg") =>
        new(registryId, user, scope, code, 1, 1, BindingStatus.Active, T0);

    public static AttributionClick Click(string token = "tok") =>
        new(token, "reg", "AB123", 1, T0, At(30 * 86_400), "iphash", "Mozilla/5.0");

    public static ProgramEvent Event(string id, int seconds = 0, string user = "user", string registryId = "reg") =>
        new(registryId, id, EventKind.Trade, At(seconds), user, Amount.FromUnits(1_000), Amount.FromUnits(100_000), "SOL/USDC", "AB123", null, null);

    public static LedgerEntry[] Entries(ProgramEvent e) =>
    [
        new(e.RegistryId, e.Id, 0, e.OccurredAt, LedgerEntryKind.Protocol, LedgerEntry.ProtocolAccount, "AB123", 1, 1, Amount.FromUnits(925), FeeOutcome.Applied),
        new(e.RegistryId, e.Id, 1, e.OccurredAt, LedgerEntryKind.Partner, "pay-owner", "AB123", 1, 1, Amount.FromUnits(60), FeeOutcome.Applied),
        new(e.RegistryId, e.Id, 2, e.OccurredAt, LedgerEntryKind.User, e.UserAddress, "AB123", 1, 1, Amount.FromUnits(15), FeeOutcome.Applied),
    ];

    public static EpochStatement Statement(string epochId, string partner, Instant start, Instant end, string registryId = "reg") => new(
        registryId,
        epochId,
        start,
        end,
        partner,
        "Tier 1",
        Amount.FromUnits(Int128.Parse("170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture)),
        Amount.FromUnits(6),
        Amount.FromUnits(200),
        Amount.FromUnits(205),
        Amount.Zero,
        [
            new StatementLine("evt-1", 1, start, "AB123", Amount.FromUnits(1_100), Rate.FromPercent(20), Amount.FromUnits(220)),
            new StatementLine("evt-2", 0, start + Duration.FromSeconds(1), "AB123", Amount.FromUnits(-100), Rate.FromPercent(20), Amount.FromUnits(-20)),
        ],
        "hash-" + epochId + "-" + partner,
        Referrals: 3,
        DustSwept: Amount.FromUnits(1),
        IdleEpochs: 2);

    public static PayoutIntent Payout(string id, string epochId = "2026-W45", PayoutStatus status = PayoutStatus.Pending, long version = 1, string registryId = "reg") =>
        new(id, registryId, epochId, "partner", "payee", Asset.UsdcSolana, Amount.FromUnits(205), status, version, T0, null);
}
