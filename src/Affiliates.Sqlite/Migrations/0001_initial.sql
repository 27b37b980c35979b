-- Amounts are TEXT in canonical decimal base units (Int128 does not fit INTEGER); instants and durations are
-- INTEGER nanoseconds since the Unix epoch; rates are INTEGER parts per million; enums are INTEGER; short lists
-- (exclusions, ladders, tiers, statement lines) are JSON arrays.

CREATE TABLE registries (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    admin_address TEXT NOT NULL,
    terms_version INTEGER NOT NULL,
    excluded_addresses TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE terms (
    registry_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    effective_from INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    default_referral_fee INTEGER NOT NULL,
    multiplier_ladder TEXT NOT NULL,
    kickback_min INTEGER NOT NULL,
    kickback_max INTEGER NOT NULL,
    affiliate_fee_min INTEGER NOT NULL,
    affiliate_fee_max INTEGER NOT NULL,
    code_pattern TEXT NOT NULL,
    reserved_codes TEXT NOT NULL,
    code_cooldown INTEGER NOT NULL,
    attribution_window INTEGER NOT NULL,
    binding_policy INTEGER NOT NULL,
    allow_self_referral INTEGER NOT NULL,
    new_users_only INTEGER NOT NULL,
    tier_metric INTEGER NOT NULL,
    tiers TEXT NOT NULL,
    tiers_never_downgrade INTEGER NOT NULL,
    epochs INTEGER NOT NULL,
    minimum_payout TEXT NOT NULL,
    asset_chain TEXT NOT NULL,
    asset_symbol TEXT NOT NULL,
    asset_decimals INTEGER NOT NULL,
    asset_contract TEXT,
    PRIMARY KEY (registry_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE codes (
    registry_id TEXT NOT NULL,
    code TEXT NOT NULL,
    generation INTEGER NOT NULL,
    owner_address TEXT NOT NULL,
    channel TEXT NOT NULL,
    payment_address TEXT NOT NULL,
    kickback INTEGER NOT NULL,
    affiliate_fee INTEGER NOT NULL,
    referral_fee_override INTEGER,
    status INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER,
    PRIMARY KEY (registry_id, code, generation)
) STRICT, WITHOUT ROWID;

CREATE INDEX codes_by_owner ON codes (registry_id, owner_address, code);

CREATE TABLE bindings (
    registry_id TEXT NOT NULL,
    user_address TEXT NOT NULL,
    scope TEXT NOT NULL,
    code TEXT NOT NULL,
    code_generation INTEGER NOT NULL,
    terms_version INTEGER NOT NULL,
    status INTEGER NOT NULL,
    bound_at INTEGER NOT NULL,
    PRIMARY KEY (registry_id, user_address, scope)
) STRICT, WITHOUT ROWID;

CREATE TABLE clicks (
    token TEXT NOT NULL PRIMARY KEY,
    registry_id TEXT NOT NULL,
    code TEXT NOT NULL,
    code_generation INTEGER NOT NULL,
    clicked_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ip_hash TEXT NOT NULL,
    user_agent TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE nonces (
    signer TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (signer, nonce)
) STRICT, WITHOUT ROWID;

CREATE TABLE events (
    registry_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    occurred_at INTEGER NOT NULL,
    user_address TEXT NOT NULL,
    amount TEXT NOT NULL,
    notional TEXT NOT NULL,
    pair TEXT,
    code TEXT,
    vault_id TEXT,
    refund_of TEXT,
    PRIMARY KEY (registry_id, id)
) STRICT, WITHOUT ROWID;

CREATE INDEX events_by_user ON events (registry_id, user_address);

-- Clustered in read order, so a time range is one contiguous scan.
CREATE TABLE ledger_entries (
    registry_id TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    account TEXT NOT NULL,
    code TEXT,
    code_generation INTEGER NOT NULL,
    terms_version INTEGER NOT NULL,
    amount TEXT NOT NULL,
    outcome INTEGER NOT NULL,
    PRIMARY KEY (registry_id, occurred_at, event_id, sequence)
) STRICT, WITHOUT ROWID;

CREATE INDEX ledger_entries_by_event ON ledger_entries (registry_id, event_id, sequence);

CREATE INDEX ledger_entries_by_code ON ledger_entries (registry_id, code, code_generation, occurred_at) WHERE code IS NOT NULL;

CREATE TABLE settlements (
    registry_id TEXT NOT NULL,
    epoch_id TEXT NOT NULL,
    PRIMARY KEY (registry_id, epoch_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE statements (
    registry_id TEXT NOT NULL,
    epoch_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    epoch_start INTEGER NOT NULL,
    epoch_end INTEGER NOT NULL,
    tier TEXT NOT NULL,
    lifetime_revenue TEXT NOT NULL,
    carry_in TEXT NOT NULL,
    earned TEXT NOT NULL,
    payable TEXT NOT NULL,
    carry_out TEXT NOT NULL,
    lines TEXT NOT NULL,
    hash TEXT NOT NULL,
    referrals INTEGER NOT NULL,
    dust_swept TEXT NOT NULL,
    idle_epochs INTEGER NOT NULL,
    PRIMARY KEY (registry_id, epoch_id, partner)
) STRICT, WITHOUT ROWID;

CREATE INDEX statements_by_partner ON statements (registry_id, partner, epoch_end);

CREATE TABLE payouts (
    id TEXT NOT NULL PRIMARY KEY,
    registry_id TEXT NOT NULL,
    epoch_id TEXT NOT NULL,
    partner TEXT NOT NULL,
    payee_address TEXT NOT NULL,
    asset_chain TEXT NOT NULL,
    asset_symbol TEXT NOT NULL,
    asset_decimals INTEGER NOT NULL,
    asset_contract TEXT,
    amount TEXT NOT NULL,
    status INTEGER NOT NULL,
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    transaction_id TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX payouts_by_status ON payouts (registry_id, status, id);
