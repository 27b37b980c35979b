using System.Text.Json;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using static Affiliates.Sqlite.SqliteValues;

namespace Affiliates.Sqlite;

/// <summary>
/// Applies a unit of work's writes inside one open transaction, each kind of write through one prepared statement.
/// </summary>
/// <remarks>
/// Conflicts are read from the number of rows a statement changed (an upsert whose guard fails, or an insert that
/// hit an existing key, changes none), so no write reads before it writes.
/// </remarks>
internal sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private const string InsertRegistry =
        $"INSERT INTO registries ({SqliteRows.RegistryColumns}) VALUES ($id, $name, $admin, $terms_version, $excluded, $created_at, $version) " +
        "ON CONFLICT DO NOTHING";

    private const string UpdateRegistry =
        "UPDATE registries SET name = $name, admin_address = $admin, terms_version = $terms_version, excluded_addresses = $excluded, " +
        "created_at = $created_at, version = $version WHERE id = $id AND version = $version - 1";

    private const string InsertTerms =
        $"INSERT INTO terms ({SqliteRows.TermsColumns}) VALUES ($registry, $version, $effective_from, $kind, $referral_fee, $ladder, " +
        "$kickback_min, $kickback_max, $affiliate_fee_min, $affiliate_fee_max, $code_pattern, $reserved, $cooldown, $window, " +
        "$binding_policy, $self_referral, $new_users_only, $tier_metric, $tiers, $never_downgrade, $epochs, $minimum_payout, " +
        "$chain, $symbol, $decimals, $contract) ON CONFLICT DO NOTHING";

    private const string InsertCode =
        $"INSERT INTO codes ({SqliteRows.CodeColumns}) VALUES ($registry, $code, $generation, $owner, $channel, $payment, " +
        "$kickback, $affiliate_fee, $override, $status, $created_at, $retired_at, $version) ON CONFLICT DO NOTHING";

    private const string UpdateCode =
        "UPDATE codes SET owner_address = $owner, channel = $channel, payment_address = $payment, kickback = $kickback, " +
        "affiliate_fee = $affiliate_fee, referral_fee_override = $override, status = $status, created_at = $created_at, " +
        "retired_at = $retired_at, version = $version " +
        "WHERE registry_id = $registry AND code = $code AND generation = $generation AND version = $version - 1";

    private const string UpsertBinding =
        $"INSERT OR REPLACE INTO bindings ({SqliteRows.BindingColumns}) VALUES ($registry, $user, $scope, $code, $generation, $terms_version, $status, $bound_at)";

    private const string InsertNewBinding =
        $"INSERT INTO bindings ({SqliteRows.BindingColumns}) VALUES ($registry, $user, $scope, $code, $generation, $terms_version, $status, $bound_at) " +
        "ON CONFLICT DO NOTHING";

    private const string ReplaceExpectedBinding =
        "UPDATE bindings SET code = $code, code_generation = $generation, terms_version = $terms_version, status = $status, bound_at = $bound_at " +
        "WHERE registry_id = $registry AND user_address = $user AND scope = $scope AND code = $expected_code AND code_generation = $expected_generation " +
        "AND terms_version = $expected_terms_version AND status = $expected_status AND bound_at = $expected_bound_at";

    private const string UpsertClick =
        $"INSERT OR REPLACE INTO clicks ({SqliteRows.ClickColumns}) VALUES ($token, $registry, $code, $generation, $clicked_at, $expires_at, $ip_hash, $user_agent)";

    private const string InsertNonce = "INSERT INTO nonces (signer, nonce, expires_at) VALUES ($signer, $nonce, $expires_at) ON CONFLICT DO NOTHING";

    private const string DeleteExpiredNonces = "DELETE FROM nonces WHERE expires_at < $expired_before";

    private const string InsertEvent =
        $"INSERT INTO events ({SqliteRows.EventColumns}) VALUES ($registry, $id, $kind, $occurred_at, $user, $amount, $notional, $pair, $code, $vault, $refund_of) " +
        "ON CONFLICT DO NOTHING";

    private const string InsertEntry =
        $"INSERT INTO ledger_entries ({SqliteRows.EntryColumns}) VALUES ($registry, $event, $sequence, $occurred_at, $kind, $account, $code, $generation, $terms_version, $amount, $outcome)";

    private const string InsertSettlement = "INSERT INTO settlements (registry_id, epoch_id) VALUES ($registry, $epoch) ON CONFLICT DO NOTHING";

    private const string InsertStatement =
        $"INSERT INTO statements ({SqliteRows.StatementColumns}) VALUES ($registry, $epoch, $start, $end, $partner, $tier, $lifetime, " +
        "$carry_in, $earned, $payable, $carry_out, $lines, $hash, $referrals, $dust_swept, $idle_epochs)";

    private const string UpsertPayout =
        $"INSERT OR REPLACE INTO payouts ({SqliteRows.PayoutColumns}) VALUES ($id, $registry, $epoch, $partner, $payee, $chain, $symbol, $decimals, $contract, " +
        "$amount, $status, $version, $updated_at, $transaction)";

    private const string CompareAndSetPayout =
        "UPDATE payouts SET registry_id = $registry, epoch_id = $epoch, partner = $partner, payee_address = $payee, asset_chain = $chain, " +
        "asset_symbol = $symbol, asset_decimals = $decimals, asset_contract = $contract, amount = $amount, status = $status, version = $version, " +
        "updated_at = $updated_at, transaction_id = $transaction WHERE id = $id AND version = $expected";

    private SqliteStatement? insertRegistry;
    private SqliteStatement? updateRegistry;

    private SqliteStatement? insertTerms;

    private SqliteStatement? insertCode;
    private SqliteStatement? updateCode;

    private SqliteStatement? upsertBinding;
    private SqliteStatement? insertNewBinding;
    private SqliteStatement? replaceExpectedBinding;

    private SqliteStatement? upsertClick;

    private SqliteStatement? insertNonce;
    private SqliteStatement? deleteExpiredNonces;

    private SqliteStatement? insertEvent;

    private SqliteStatement? insertEntry;

    private SqliteStatement? insertSettlement;

    private SqliteStatement? insertStatement;

    private SqliteStatement? upsertPayout;

    private SqliteStatement? compareAndSetPayout;

    public List<string> SkippedEventIds { get; } = [];

    public void SaveRegistry(Registry r)
    {
        object?[] values = [r.Id, r.Name, r.AdminAddress, r.TermsVersion, StringsToJson(r.ExcludedAddresses), ToNanoseconds(r.CreatedAt), r.Version];
        Require(
            r.Version == 1 ? Prepared(ref insertRegistry, InsertRegistry).Execute(values) : Prepared(ref updateRegistry, UpdateRegistry).Execute([.. values[1..], values[0]]),
            r.Version == 1 ? StoreConflict.RegistryTaken : StoreConflict.RegistryChanged,
            r.Id);
    }

    public void SaveTerms(ProgramTerms t) =>
        Require(
            Prepared(ref insertTerms, InsertTerms).Execute(
                t.RegistryId,
                t.Version,
                ToNanoseconds(t.EffectiveFrom),
                (int)t.Kind,
                t.DefaultReferralFee.PartsPerMillion,
                ToJson(t.MultiplierLadder, (w, s) => { w.WriteStartArray(); w.WriteStringValue(ToText(s.Above)); w.WriteNumberValue(s.Multiplier.Millionths); w.WriteEndArray(); }),
                t.KickbackRange.Minimum.PartsPerMillion,
                t.KickbackRange.Maximum.PartsPerMillion,
                t.AffiliateFeeRange.Minimum.PartsPerMillion,
                t.AffiliateFeeRange.Maximum.PartsPerMillion,
                t.CodePattern,
                StringsToJson(t.ReservedCodes),
                ToNanoseconds(t.CodeCooldown),
                ToNanoseconds(t.AttributionWindow),
                (int)t.BindingPolicy,
                t.AllowSelfReferral,
                t.NewUsersOnly,
                (int)t.TierMetric,
                ToJson(t.Tiers, (w, s) => { w.WriteStartArray(); w.WriteStringValue(s.Name); w.WriteStringValue(ToText(s.AtLeast)); w.WriteNumberValue(s.Rate.PartsPerMillion); w.WriteEndArray(); }),
                t.TiersNeverDowngrade,
                (int)t.Epochs,
                ToText(t.MinimumPayout),
                t.PayoutAsset.Chain,
                t.PayoutAsset.Symbol,
                t.PayoutAsset.Decimals,
                t.PayoutAsset.Contract),
            StoreConflict.TermsVersionExists,
            $"{t.RegistryId}/{t.Version}");

    public void SaveCode(PartnerCode c)
    {
        object?[] values =
        [
            c.OwnerAddress,
            c.Channel,
            c.PaymentAddress,
            c.Kickback.PartsPerMillion,
            c.AffiliateFee.PartsPerMillion,
            c.ReferralFeeOverride?.PartsPerMillion,
            (int)c.Status,
            ToNanoseconds(c.CreatedAt),
            c.RetiredAt is { } retiredAt ? ToNanoseconds(retiredAt) : null,
            c.Version,
        ];
        Require(
            c.Version == 1
                ? Prepared(ref insertCode, InsertCode).Execute([c.RegistryId, c.Code, c.Generation, .. values])
                : Prepared(ref updateCode, UpdateCode).Execute([.. values, c.RegistryId, c.Code, c.Generation]),
            c.Version == 1 ? StoreConflict.CodeTaken : StoreConflict.CodeChanged,
            $"{c.RegistryId}/{c.Code}/{c.Generation}");
    }

    public void SaveBinding(Binding b) =>
        Prepared(ref upsertBinding, UpsertBinding).Execute(b.RegistryId, b.UserAddress, b.Scope, b.Code, b.CodeGeneration, b.TermsVersion, (int)b.Status, ToNanoseconds(b.BoundAt));

    public void ReplaceBinding(Binding b, Binding? expected)
    {
        string key = $"{b.RegistryId}/{b.UserAddress}/{b.Scope}";
        if (expected is null)
        {
            Require(
                Prepared(ref insertNewBinding, InsertNewBinding).Execute(b.RegistryId, b.UserAddress, b.Scope, b.Code, b.CodeGeneration, b.TermsVersion, (int)b.Status, ToNanoseconds(b.BoundAt)),
                StoreConflict.BindingChanged,
                key);
            return;
        }

        Require(
            Prepared(ref replaceExpectedBinding, ReplaceExpectedBinding).Execute(
                b.Code, b.CodeGeneration, b.TermsVersion, (int)b.Status, ToNanoseconds(b.BoundAt), b.RegistryId, b.UserAddress, b.Scope,
                expected.Code, expected.CodeGeneration, expected.TermsVersion, (int)expected.Status, ToNanoseconds(expected.BoundAt)),
            StoreConflict.BindingChanged,
            key);
    }

    public void SaveClick(AttributionClick k) =>
        Prepared(ref upsertClick, UpsertClick).Execute(k.Token, k.RegistryId, k.Code, k.CodeGeneration, ToNanoseconds(k.ClickedAt), ToNanoseconds(k.ExpiresAt), k.IpHash, k.UserAgent);

    public void ConsumeNonce(string signer, string nonce, Instant expiresAt) =>
        Require(Prepared(ref insertNonce, InsertNonce).Execute(signer, nonce, ToNanoseconds(expiresAt)), StoreConflict.NonceUsed, $"{signer}/{nonce}");

    public void ForgetNonces(Instant expiredBefore) =>
        Prepared(ref deleteExpiredNonces, DeleteExpiredNonces).Execute(ToBound(expiredBefore));

    public void AppendEvent(ProgramEvent e, IReadOnlyList<LedgerEntry> entries, bool mustBeNew)
    {
        int inserted = Prepared(ref insertEvent, InsertEvent).Execute(
            e.RegistryId, e.Id, (int)e.Kind, ToNanoseconds(e.OccurredAt), e.UserAddress, ToText(e.Amount), ToText(e.Notional), e.Pair, e.Code, e.VaultId, e.RefundOf);
        if (inserted == 0)
        {
            if (mustBeNew)
            {
                throw new StoreConflictException(StoreConflict.EventExists, $"{e.RegistryId}/{e.Id}");
            }

            SkippedEventIds.Add(e.Id);
            return;
        }

        SqliteStatement entryStatement = Prepared(ref insertEntry, InsertEntry);
        foreach (LedgerEntry x in entries)
        {
            entryStatement.Execute(
                x.RegistryId, x.EventId, x.Sequence, ToNanoseconds(x.OccurredAt), (int)x.Kind, x.Account, x.Code, x.CodeGeneration, x.TermsVersion, ToText(x.Amount), (int)x.Outcome);
        }
    }

    public void SaveSettlement(string registryId, string epochId, IReadOnlyList<EpochStatement> settled, IReadOnlyList<PayoutIntent> payouts)
    {
        Require(Prepared(ref insertSettlement, InsertSettlement).Execute(registryId, epochId), StoreConflict.EpochAlreadySettled, $"{registryId}/{epochId}");
        SqliteStatement statementStatement = Prepared(ref insertStatement, InsertStatement);
        foreach (EpochStatement s in settled)
        {
            statementStatement.Execute(
                s.RegistryId,
                s.EpochId,
                ToNanoseconds(s.EpochStart),
                ToNanoseconds(s.EpochEnd),
                s.Partner,
                s.Tier,
                ToText(s.LifetimeRevenue),
                ToText(s.CarryIn),
                ToText(s.Earned),
                ToText(s.Payable),
                ToText(s.CarryOut),
                ToJson(s.Lines, WriteLine),
                s.Hash,
                s.Referrals,
                ToText(s.DustSwept),
                s.IdleEpochs);
        }

        foreach (PayoutIntent p in payouts)
        {
            Prepared(ref upsertPayout, UpsertPayout).Execute([p.Id, .. PayoutValues(p)]);
        }
    }

    public void SavePayout(PayoutIntent p, long expectedVersion) =>
        Require(Prepared(ref compareAndSetPayout, CompareAndSetPayout).Execute([.. PayoutValues(p), p.Id, expectedVersion]), StoreConflict.PayoutVersionMismatch, p.Id);

    public void Dispose()
    {
        foreach (SqliteStatement? statement in (SqliteStatement?[])[insertRegistry, updateRegistry, insertTerms, insertCode, updateCode, upsertBinding, insertNewBinding, replaceExpectedBinding, upsertClick, insertNonce, deleteExpiredNonces, insertEvent, insertEntry, insertSettlement, insertStatement, upsertPayout, compareAndSetPayout])
        {
            statement?.Dispose();
        }
    }

    /// <summary>Every payout column but the id, in the order both payout statements name them.</summary>
    private static object?[] PayoutValues(PayoutIntent p) =>
    [
        p.RegistryId, p.EpochId, p.Partner, p.PayeeAddress, p.Asset.Chain, p.Asset.Symbol, p.Asset.Decimals, p.Asset.Contract,
        ToText(p.Amount), (int)p.Status, p.Version, ToNanoseconds(p.UpdatedAt), p.TransactionId,
    ];

    private static void WriteLine(Utf8JsonWriter writer, StatementLine line)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(line.EventId);
        writer.WriteNumberValue(line.Sequence);
        writer.WriteNumberValue(ToNanoseconds(line.OccurredAt));
        writer.WriteStringValue(line.Code);
        writer.WriteStringValue(ToText(line.Revenue));
        writer.WriteNumberValue(line.Rate.PartsPerMillion);
        writer.WriteStringValue(ToText(line.Commission));
        writer.WriteEndArray();
    }

    private static void Require(int changed, StoreConflict conflict, string key)
    {
        if (changed == 0)
        {
            throw new StoreConflictException(conflict, key);
        }
    }

    private SqliteStatement Prepared(ref SqliteStatement? statement, string sql) => statement ??= new SqliteStatement(connection, transaction, sql);
}
