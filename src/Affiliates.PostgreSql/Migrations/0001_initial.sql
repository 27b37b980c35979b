-- Affiliates store schema, version 1.
-- Amounts are NUMERIC(39,0) (every Int128 fits), instants are bigint Unix ticks (100 ns), durations bigint
-- nanoseconds, rates integer parts per million, enums smallint. Keys and ordered text use COLLATE "C" so that
-- ordering is ordinal whatever the database locale.

CREATE TABLE registries (
    registry_id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    admin_address text NOT NULL,
    terms_version integer NOT NULL,
    excluded_addresses text[] NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE program_terms (
    registry_id text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    effective_from bigint NOT NULL,
    kind smallint NOT NULL,
    default_referral_fee_ppm integer NOT NULL,
    multiplier_above numeric(39, 0)[] NOT NULL,
    multiplier_millionths bigint[] NOT NULL,
    kickback_min_ppm integer NOT NULL,
    kickback_max_ppm integer NOT NULL,
    affiliate_fee_min_ppm integer NOT NULL,
    affiliate_fee_max_ppm integer NOT NULL,
    code_pattern text NOT NULL,
    reserved_codes text[] NOT NULL,
    code_cooldown_ns bigint NOT NULL,
    attribution_window_ns bigint NOT NULL,
    binding_policy smallint NOT NULL,
    allow_self_referral boolean NOT NULL,
    new_users_only boolean NOT NULL,
    tier_metric smallint NOT NULL,
    tier_names text[] NOT NULL,
    tier_at_least numeric(39, 0)[] NOT NULL,
    tier_rate_ppm integer[] NOT NULL,
    tiers_never_downgrade boolean NOT NULL,
    epochs smallint NOT NULL,
    minimum_payout numeric(39, 0) NOT NULL,
    payout_chain text NOT NULL,
    payout_symbol text NOT NULL,
    payout_decimals integer NOT NULL,
    payout_contract text,
    PRIMARY KEY (registry_id, version)
);

CREATE TABLE partner_codes (
    registry_id text COLLATE "C" NOT NULL,
    code text COLLATE "C" NOT NULL,
    generation integer NOT NULL,
    owner_address text COLLATE "C" NOT NULL,
    channel text NOT NULL,
    payment_address text NOT NULL,
    kickback_ppm integer NOT NULL,
    affiliate_fee_ppm integer NOT NULL,
    referral_fee_override_ppm integer,
    status smallint NOT NULL,
    created_at bigint NOT NULL,
    retired_at bigint,
    PRIMARY KEY (registry_id, code, generation)
);

CREATE INDEX partner_codes_by_owner ON partner_codes (registry_id, owner_address);

CREATE TABLE bindings (
    registry_id text COLLATE "C" NOT NULL,
    user_address text COLLATE "C" NOT NULL,
    scope text COLLATE "C" NOT NULL,
    code text NOT NULL,
    code_generation integer NOT NULL,
    terms_version integer NOT NULL,
    status smallint NOT NULL,
    bound_at bigint NOT NULL,
    PRIMARY KEY (registry_id, user_address, scope)
);

CREATE TABLE attribution_clicks (
    token text COLLATE "C" PRIMARY KEY,
    registry_id text NOT NULL,
    code text NOT NULL,
    code_generation integer NOT NULL,
    clicked_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    ip_hash text NOT NULL,
    user_agent text NOT NULL
);

CREATE TABLE nonces (
    signer text COLLATE "C" NOT NULL,
    nonce text COLLATE "C" NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (signer, nonce)
);

CREATE TABLE program_events (
    registry_id text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    kind smallint NOT NULL,
    occurred_at bigint NOT NULL,
    user_address text COLLATE "C" NOT NULL,
    amount numeric(39, 0) NOT NULL,
    notional numeric(39, 0) NOT NULL,
    pair text,
    code text,
    vault_id text,
    refund_of text,
    PRIMARY KEY (registry_id, event_id)
);

CREATE INDEX program_events_by_user ON program_events (registry_id, user_address);

-- An entry carries its event's time, so one key serves both the time-ordered ledger and an event's entries.
CREATE TABLE ledger_entries (
    registry_id text COLLATE "C" NOT NULL,
    occurred_at bigint NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    sequence integer NOT NULL,
    kind smallint NOT NULL,
    account text NOT NULL,
    code text COLLATE "C",
    code_generation integer NOT NULL,
    terms_version integer NOT NULL,
    amount numeric(39, 0) NOT NULL,
    outcome smallint NOT NULL,
    PRIMARY KEY (registry_id, occurred_at, event_id, sequence)
);

CREATE INDEX ledger_entries_by_code ON ledger_entries (registry_id, code, code_generation, occurred_at)
    WHERE code IS NOT NULL;

CREATE TABLE settlements (
    registry_id text COLLATE "C" NOT NULL,
    epoch_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (registry_id, epoch_id)
);

CREATE TABLE epoch_statements (
    registry_id text COLLATE "C" NOT NULL,
    epoch_id text COLLATE "C" NOT NULL,
    partner text COLLATE "C" NOT NULL,
    epoch_start bigint NOT NULL,
    epoch_end bigint NOT NULL,
    tier text NOT NULL,
    lifetime_revenue numeric(39, 0) NOT NULL,
    carry_in numeric(39, 0) NOT NULL,
    earned numeric(39, 0) NOT NULL,
    payable numeric(39, 0) NOT NULL,
    carry_out numeric(39, 0) NOT NULL,
    referrals integer NOT NULL,
    dust_swept numeric(39, 0) NOT NULL,
    idle_epochs integer NOT NULL,
    line_event_ids text[] NOT NULL,
    line_sequences integer[] NOT NULL,
    line_occurred_at bigint[] NOT NULL,
    line_codes text[] NOT NULL,
    line_revenues numeric(39, 0)[] NOT NULL,
    line_rate_ppm integer[] NOT NULL,
    line_commissions numeric(39, 0)[] NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (registry_id, epoch_id, partner),
    FOREIGN KEY (registry_id, epoch_id) REFERENCES settlements (registry_id, epoch_id)
);

CREATE INDEX epoch_statements_by_partner_end ON epoch_statements (registry_id, partner, epoch_end);

CREATE TABLE payout_intents (
    payout_id text COLLATE "C" PRIMARY KEY,
    registry_id text COLLATE "C" NOT NULL,
    epoch_id text NOT NULL,
    partner text NOT NULL,
    payee_address text NOT NULL,
    asset_chain text NOT NULL,
    asset_symbol text NOT NULL,
    asset_decimals integer NOT NULL,
    asset_contract text,
    amount numeric(39, 0) NOT NULL,
    status smallint NOT NULL,
    version bigint NOT NULL,
    updated_at bigint NOT NULL,
    transaction_id text
);

CREATE INDEX payout_intents_by_status ON payout_intents (registry_id, status, payout_id);
