using System.Numerics;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Npgsql;
using static Affiliates.PostgreSql.PostgreSqlValues;

namespace Affiliates.PostgreSql;

/// <summary>Column lists of each table and the mapping of a record to and from one row, column by column.</summary>
/// <remarks>Each <c>*Columns</c> list, its reader and its values array share one column order.</remarks>
internal static class PostgreSqlRows
{
    public const string RegistryColumns = "registry_id, name, admin_address, terms_version, excluded_addresses, created_at, version";

    public const string TermsColumns =
        "registry_id, version, effective_from, kind, default_referral_fee_ppm, multiplier_above, multiplier_millionths, " +
        "kickback_min_ppm, kickback_max_ppm, affiliate_fee_min_ppm, affiliate_fee_max_ppm, code_pattern, reserved_codes, " +
        "code_cooldown_ns, attribution_window_ns, binding_policy, allow_self_referral, new_users_only, tier_metric, " +
        "tier_names, tier_at_least, tier_rate_ppm, tiers_never_downgrade, epochs, minimum_payout, " +
        "payout_chain, payout_symbol, payout_decimals, payout_contract";

    public const string CodeColumns =
        "registry_id, code, generation, owner_address, channel, payment_address, kickback_ppm, affiliate_fee_ppm, " +
        "referral_fee_override_ppm, status, created_at, retired_at, version";

    public const string BindingColumns = "registry_id, user_address, scope, code, code_generation, terms_version, status, bound_at";

    public const string ClickColumns = "token, registry_id, code, code_generation, clicked_at, expires_at, ip_hash, user_agent";

    public const string EventColumns = "registry_id, event_id, kind, occurred_at, user_address, amount, notional, pair, code, vault_id, refund_of";

    public const string EntryColumns = "registry_id, event_id, sequence, occurred_at, kind, account, code, code_generation, terms_version, amount, outcome";

    public const string StatementColumns =
        "registry_id, epoch_id, epoch_start, epoch_end, partner, tier, lifetime_revenue, carry_in, earned, payable, carry_out, " +
        "line_event_ids, line_sequences, line_occurred_at, line_codes, line_revenues, line_rate_ppm, line_commissions, hash, " +
        "referrals, dust_swept, idle_epochs";


    public const string PayoutColumns =
        "payout_id, registry_id, epoch_id, partner, payee_address, asset_chain, asset_symbol, asset_decimals, asset_contract, " +
        "amount, status, version, updated_at, transaction_id";

    public static Registry ReadRegistry(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<string[]>(4), Instant(r.GetInt64(5)), r.GetInt64(6));

    public static object?[] Values(Registry x) =>
        [x.Id, x.Name, x.AdminAddress, x.TermsVersion, x.ExcludedAddresses.ToArray(), Ticks(x.CreatedAt), x.Version];

    public static ProgramTerms ReadTerms(NpgsqlDataReader r)
    {
        BigInteger[] above = r.GetFieldValue<BigInteger[]>(5);
        long[] multipliers = r.GetFieldValue<long[]>(6);
        string[] tierNames = r.GetFieldValue<string[]>(19);
        BigInteger[] tierAtLeast = r.GetFieldValue<BigInteger[]>(20);
        int[] tierRates = r.GetFieldValue<int[]>(21);
        return new ProgramTerms(
            r.GetString(0),
            r.GetInt32(1),
            Instant(r.GetInt64(2)),
            (ProgramKind)r.GetInt16(3),
            Rate(r.GetInt32(4)),
            [.. above.Select((a, i) => new MultiplierStep(Amount(a), Multiplier.FromMillionths(multipliers[i])))],
            new RateRange(Rate(r.GetInt32(7)), Rate(r.GetInt32(8))),
            new RateRange(Rate(r.GetInt32(9)), Rate(r.GetInt32(10))),
            r.GetString(11),
            r.GetFieldValue<string[]>(12),
            Duration(r.GetInt64(13)),
            Duration(r.GetInt64(14)),
            (BindingPolicy)r.GetInt16(15),
            r.GetBoolean(16),
            r.GetBoolean(17),
            (TierMetric)r.GetInt16(18),
            [.. tierNames.Select((name, i) => new TierStep(name, Amount(tierAtLeast[i]), Rate(tierRates[i])))],
            r.GetBoolean(22),
            (EpochCadence)r.GetInt16(23),
            Amount(r.GetFieldValue<BigInteger>(24)),
            new Asset(r.GetString(25), r.GetString(26), r.GetInt32(27), NullableString(r, 28)));
    }

    public static object?[] Values(ProgramTerms x) =>
    [
        x.RegistryId, x.Version, Ticks(x.EffectiveFrom), (short)x.Kind, x.DefaultReferralFee.PartsPerMillion,
        x.MultiplierLadder.Select(s => Numeric(s.Above)).ToArray(), x.MultiplierLadder.Select(s => s.Multiplier.Millionths).ToArray(),
        x.KickbackRange.Minimum.PartsPerMillion, x.KickbackRange.Maximum.PartsPerMillion,
        x.AffiliateFeeRange.Minimum.PartsPerMillion, x.AffiliateFeeRange.Maximum.PartsPerMillion,
        x.CodePattern, x.ReservedCodes.ToArray(), Nanoseconds(x.CodeCooldown), Nanoseconds(x.AttributionWindow),
        (short)x.BindingPolicy, x.AllowSelfReferral, x.NewUsersOnly, (short)x.TierMetric,
        x.Tiers.Select(t => t.Name).ToArray(), x.Tiers.Select(t => Numeric(t.AtLeast)).ToArray(), x.Tiers.Select(t => t.Rate.PartsPerMillion).ToArray(),
        x.TiersNeverDowngrade, (short)x.Epochs, Numeric(x.MinimumPayout),
        x.PayoutAsset.Chain, x.PayoutAsset.Symbol, x.PayoutAsset.Decimals, x.PayoutAsset.Contract,
    ];

    public static PartnerCode ReadCode(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        Rate(r.GetInt32(6)),
        Rate(r.GetInt32(7)),
        r.IsDBNull(8) ? null : Rate(r.GetInt32(8)),
        (CodeStatus)r.GetInt16(9),
        Instant(r.GetInt64(10)),
        r.IsDBNull(11) ? null : Instant(r.GetInt64(11)),
        r.GetInt64(12));

    public static object?[] Values(PartnerCode x) =>
    [
        x.RegistryId, x.Code, x.Generation, x.OwnerAddress, x.Channel, x.PaymentAddress, x.Kickback.PartsPerMillion,
        x.AffiliateFee.PartsPerMillion, x.ReferralFeeOverride?.PartsPerMillion, (short)x.Status, Ticks(x.CreatedAt), Ticks(x.RetiredAt), x.Version,
    ];

    public static Binding ReadBinding(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), (BindingStatus)r.GetInt16(6), Instant(r.GetInt64(7)));

    public static object?[] Values(Binding x) =>
        [x.RegistryId, x.UserAddress, x.Scope, x.Code, x.CodeGeneration, x.TermsVersion, (short)x.Status, Ticks(x.BoundAt)];

    public static AttributionClick ReadClick(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Instant(r.GetInt64(4)), Instant(r.GetInt64(5)), r.GetString(6), r.GetString(7));

    public static object?[] Values(AttributionClick x) =>
        [x.Token, x.RegistryId, x.Code, x.CodeGeneration, Ticks(x.ClickedAt), Ticks(x.ExpiresAt), x.IpHash, x.UserAgent];

    public static ProgramEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        (EventKind)r.GetInt16(2),
        Instant(r.GetInt64(3)),
        r.GetString(4),
        Amount(r.GetFieldValue<BigInteger>(5)),
        Amount(r.GetFieldValue<BigInteger>(6)),
        NullableString(r, 7),
        NullableString(r, 8),
        NullableString(r, 9),
        NullableString(r, 10));

    public static LedgerEntry ReadEntry(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt32(2),
        Instant(r.GetInt64(3)),
        (LedgerEntryKind)r.GetInt16(4),
        r.GetString(5),
        NullableString(r, 6),
        r.GetInt32(7),
        r.GetInt32(8),
        Amount(r.GetFieldValue<BigInteger>(9)),
        (FeeOutcome)r.GetInt16(10));

    public static EpochStatement ReadStatement(NpgsqlDataReader r)
    {
        string[] eventIds = r.GetFieldValue<string[]>(11);
        int[] sequences = r.GetFieldValue<int[]>(12);
        long[] times = r.GetFieldValue<long[]>(13);
        string[] codes = r.GetFieldValue<string[]>(14);
        BigInteger[] revenues = r.GetFieldValue<BigInteger[]>(15);
        int[] rates = r.GetFieldValue<int[]>(16);
        BigInteger[] commissions = r.GetFieldValue<BigInteger[]>(17);
        return new EpochStatement(
            r.GetString(0),
            r.GetString(1),
            Instant(r.GetInt64(2)),
            Instant(r.GetInt64(3)),
            r.GetString(4),
            r.GetString(5),
            Amount(r.GetFieldValue<BigInteger>(6)),
            Amount(r.GetFieldValue<BigInteger>(7)),
            Amount(r.GetFieldValue<BigInteger>(8)),
            Amount(r.GetFieldValue<BigInteger>(9)),
            Amount(r.GetFieldValue<BigInteger>(10)),
            [.. eventIds.Select((id, i) => new StatementLine(id, sequences[i], Instant(times[i]), codes[i], Amount(revenues[i]), Rate(rates[i]), Amount(commissions[i])))],
            r.GetString(18),
            r.GetInt32(19),
            Amount(r.GetFieldValue<BigInteger>(20)),
            r.GetInt32(21));
    }

    public static object?[] Values(EpochStatement x) =>
    [
        x.RegistryId, x.EpochId, Ticks(x.EpochStart), Ticks(x.EpochEnd), x.Partner, x.Tier, Numeric(x.LifetimeRevenue),
        Numeric(x.CarryIn), Numeric(x.Earned), Numeric(x.Payable), Numeric(x.CarryOut),
        x.Lines.Select(l => l.EventId).ToArray(), x.Lines.Select(l => l.Sequence).ToArray(), x.Lines.Select(l => Ticks(l.OccurredAt)).ToArray(),
        x.Lines.Select(l => l.Code).ToArray(), x.Lines.Select(l => Numeric(l.Revenue)).ToArray(),
        x.Lines.Select(l => l.Rate.PartsPerMillion).ToArray(), x.Lines.Select(l => Numeric(l.Commission)).ToArray(), x.Hash,
        x.Referrals, Numeric(x.DustSwept), x.IdleEpochs,
    ];

    public static PayoutIntent ReadPayout(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        new Asset(r.GetString(5), r.GetString(6), r.GetInt32(7), NullableString(r, 8)),
        Amount(r.GetFieldValue<BigInteger>(9)),
        (PayoutStatus)r.GetInt16(10),
        r.GetInt64(11),
        Instant(r.GetInt64(12)),
        NullableString(r, 13));

    public static object?[] Values(PayoutIntent x) =>
    [
        x.Id, x.RegistryId, x.EpochId, x.Partner, x.PayeeAddress, x.Asset.Chain, x.Asset.Symbol, x.Asset.Decimals, x.Asset.Contract,
        Numeric(x.Amount), (short)x.Status, x.Version, Ticks(x.UpdatedAt), x.TransactionId,
    ];

    /// <summary>Returns the number of columns in a column list.</summary>
    public static int Count(string columns) => columns.Split(", ").Length;

    /// <summary>Returns <c>$1, $2, …</c>, one per column of the list.</summary>
    public static string Placeholders(string columns) => string.Join(", ", Enumerable.Range(1, Count(columns)).Select(i => "$" + i));

    private static string? NullableString(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
