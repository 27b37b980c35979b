using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Microsoft.Data.Sqlite;
using static Affiliates.Sqlite.SqliteValues;

namespace Affiliates.Sqlite;

/// <summary>Column lists and the readers that turn rows selected with them back into records.</summary>
internal static class SqliteRows
{
    public const string RegistryColumns = "id, name, admin_address, terms_version, excluded_addresses, created_at, version";

    public const string TermsColumns =
        "registry_id, version, effective_from, kind, default_referral_fee, multiplier_ladder, kickback_min, kickback_max, " +
        "affiliate_fee_min, affiliate_fee_max, code_pattern, reserved_codes, code_cooldown, attribution_window, binding_policy, " +
        "allow_self_referral, new_users_only, tier_metric, tiers, tiers_never_downgrade, epochs, minimum_payout, " +
        "asset_chain, asset_symbol, asset_decimals, asset_contract";

    public const string CodeColumns =
        "registry_id, code, generation, owner_address, channel, payment_address, kickback, affiliate_fee, " +
        "referral_fee_override, status, created_at, retired_at, version";

    public const string BindingColumns = "registry_id, user_address, scope, code, code_generation, terms_version, status, bound_at";

    public const string ClickColumns = "token, registry_id, code, code_generation, clicked_at, expires_at, ip_hash, user_agent";

    public const string EventColumns = "registry_id, id, kind, occurred_at, user_address, amount, notional, pair, code, vault_id, refund_of";

    public const string EntryColumns =
        "registry_id, event_id, sequence, occurred_at, kind, account, code, code_generation, terms_version, amount, outcome";

    public const string StatementColumns =
        "registry_id, epoch_id, epoch_start, epoch_end, partner, tier, lifetime_revenue, carry_in, earned, payable, carry_out, lines, hash, " +
        "referrals, dust_swept, idle_epochs";

    public const string PayoutColumns =
        "id, registry_id, epoch_id, partner, payee_address, asset_chain, asset_symbol, asset_decimals, asset_contract, " +
        "amount, status, version, updated_at, transaction_id";

    public static Registry Registry(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), StringsFromJson(r.GetString(4)), ToInstant(r.GetInt64(5)), r.GetInt64(6));

    public static ProgramTerms Terms(SqliteDataReader r) => new(
        RegistryId: r.GetString(0),
        Version: r.GetInt32(1),
        EffectiveFrom: ToInstant(r.GetInt64(2)),
        Kind: (ProgramKind)r.GetInt32(3),
        DefaultReferralFee: ToRate(r.GetInt64(4)),
        MultiplierLadder: FromJson(r.GetString(5), e => new MultiplierStep(ToAmount(e[0].GetString()!), Multiplier.FromMillionths(e[1].GetInt64()))),
        KickbackRange: new RateRange(ToRate(r.GetInt64(6)), ToRate(r.GetInt64(7))),
        AffiliateFeeRange: new RateRange(ToRate(r.GetInt64(8)), ToRate(r.GetInt64(9))),
        CodePattern: r.GetString(10),
        ReservedCodes: StringsFromJson(r.GetString(11)),
        CodeCooldown: ToDuration(r.GetInt64(12)),
        AttributionWindow: ToDuration(r.GetInt64(13)),
        BindingPolicy: (BindingPolicy)r.GetInt32(14),
        AllowSelfReferral: r.GetBoolean(15),
        NewUsersOnly: r.GetBoolean(16),
        TierMetric: (TierMetric)r.GetInt32(17),
        Tiers: FromJson(r.GetString(18), e => new TierStep(e[0].GetString()!, ToAmount(e[1].GetString()!), ToRate(e[2].GetInt64()))),
        TiersNeverDowngrade: r.GetBoolean(19),
        Epochs: (EpochCadence)r.GetInt32(20),
        MinimumPayout: ToAmount(r.GetString(21)),
        PayoutAsset: Asset(r, 22));

    public static PartnerCode Code(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        ToRate(r.GetInt64(6)),
        ToRate(r.GetInt64(7)),
        r.IsDBNull(8) ? null : ToRate(r.GetInt64(8)),
        (CodeStatus)r.GetInt32(9),
        ToInstant(r.GetInt64(10)),
        r.IsDBNull(11) ? null : ToInstant(r.GetInt64(11)),
        r.GetInt64(12));

    public static Binding Binding(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), (BindingStatus)r.GetInt32(6), ToInstant(r.GetInt64(7)));

    public static AttributionClick Click(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), ToInstant(r.GetInt64(4)), ToInstant(r.GetInt64(5)), r.GetString(6), r.GetString(7));

    public static ProgramEvent Event(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        (EventKind)r.GetInt32(2),
        ToInstant(r.GetInt64(3)),
        r.GetString(4),
        ToAmount(r.GetString(5)),
        ToAmount(r.GetString(6)),
        NullableString(r, 7),
        NullableString(r, 8),
        NullableString(r, 9),
        NullableString(r, 10));

    public static LedgerEntry Entry(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        ToInstant(r.GetInt64(3)),
        (LedgerEntryKind)r.GetInt32(4),
        r.GetString(5),
        NullableString(r, 6),
        r.GetInt32(7),
        r.GetInt32(8),
        ToAmount(r.GetString(9)),
        (FeeOutcome)r.GetInt32(10));

    public static EpochStatement Statement(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        ToInstant(r.GetInt64(2)),
        ToInstant(r.GetInt64(3)),
        r.GetString(4),
        r.GetString(5),
        ToAmount(r.GetString(6)),
        ToAmount(r.GetString(7)),
        ToAmount(r.GetString(8)),
        ToAmount(r.GetString(9)),
        ToAmount(r.GetString(10)),
        FromJson(r.GetString(11), e => new StatementLine(
            e[0].GetString()!, e[1].GetInt32(), ToInstant(e[2].GetInt64()), e[3].GetString()!, ToAmount(e[4].GetString()!), ToRate(e[5].GetInt64()), ToAmount(e[6].GetString()!))),
        r.GetString(12),
        r.GetInt32(13),
        ToAmount(r.GetString(14)),
        r.GetInt32(15));

    public static PayoutIntent Payout(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Asset(r, 5),
        ToAmount(r.GetString(9)),
        (PayoutStatus)r.GetInt32(10),
        r.GetInt64(11),
        ToInstant(r.GetInt64(12)),
        NullableString(r, 13));

    private static Asset Asset(SqliteDataReader r, int first) =>
        new(r.GetString(first), r.GetString(first + 1), r.GetInt32(first + 2), NullableString(r, first + 3));

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
