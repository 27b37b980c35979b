-- Issue 10: events carry their asset; entries are booked (late ones into the first open epoch) and carry what they
-- are priced by; epochs close in order; refunds are keyed rows (partial, held); statements are per payee, in an asset.

ALTER TABLE events ADD COLUMN asset_chain TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN asset_symbol TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN asset_decimals INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN asset_contract TEXT;
UPDATE events SET asset_chain = t.asset_chain, asset_symbol = t.asset_symbol, asset_decimals = t.asset_decimals, asset_contract = t.asset_contract
FROM terms t WHERE t.registry_id = events.registry_id AND t.version = 1;

-- Clustered in settlement order: an epoch's entries are one contiguous scan, late ones (booked at its start) first.
CREATE TABLE ledger_entries_v3 (
    registry_id TEXT NOT NULL,
    booked_at INTEGER NOT NULL,
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
    user_address TEXT,
    referral_fee INTEGER NOT NULL,
    kickback INTEGER NOT NULL,
    refund_of TEXT,
    PRIMARY KEY (registry_id, booked_at, occurred_at, event_id, sequence)
) STRICT, WITHOUT ROWID;

INSERT INTO ledger_entries_v3
SELECT registry_id, occurred_at, occurred_at, event_id, sequence, kind, account, code, code_generation, terms_version, amount, outcome, NULL, 0, 0, NULL
FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_v3 RENAME TO ledger_entries;
CREATE INDEX ledger_entries_by_event ON ledger_entries (registry_id, event_id, sequence);
CREATE INDEX ledger_entries_by_time ON ledger_entries (registry_id, occurred_at, event_id, sequence);

-- The latest closed epoch of each registry; ingest books against it and settlement advances it one epoch at a time.
CREATE TABLE epoch_closings (
    registry_id TEXT NOT NULL PRIMARY KEY,
    epoch_id TEXT NOT NULL,
    epoch_start INTEGER NOT NULL,
    epoch_end INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per refund; an applied refund's ordinal among its event's refunds is unique, so two writers cannot both
-- apply the n-th refund of one event. Ordinal is NULL unless applied.
CREATE TABLE refunds (
    registry_id TEXT NOT NULL,
    refund_id TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    amount TEXT NOT NULL,
    status INTEGER NOT NULL,
    ordinal INTEGER,
    refunded_after TEXT NOT NULL,
    booked_at INTEGER,
    PRIMARY KEY (registry_id, refund_id)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX refunds_by_payment ON refunds (registry_id, payment_id, ordinal);

-- Version 2 refunded events in full only, and marked each with an entry-less "~refund:<id>" event.
INSERT INTO refunds (registry_id, refund_id, payment_id, occurred_at, amount, status, ordinal, refunded_after, booked_at)
SELECT registry_id, id, refund_of, occurred_at, amount, 2, 1, amount, occurred_at FROM events WHERE kind = 4 AND refund_of IS NOT NULL AND id NOT LIKE '~refund:%';
DELETE FROM events WHERE id LIKE '~refund:%';

CREATE TABLE statements_v3 (
    registry_id TEXT NOT NULL,
    epoch_id TEXT NOT NULL,
    payee_kind INTEGER NOT NULL,
    payee TEXT NOT NULL,
    epoch_start INTEGER NOT NULL,
    epoch_end INTEGER NOT NULL,
    asset_chain TEXT NOT NULL,
    asset_symbol TEXT NOT NULL,
    asset_decimals INTEGER NOT NULL,
    asset_contract TEXT,
    tier TEXT NOT NULL,
    tier_metric TEXT NOT NULL,
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
    PRIMARY KEY (registry_id, epoch_id, payee_kind, payee)
) STRICT, WITHOUT ROWID;

INSERT INTO statements_v3
SELECT s.registry_id, s.epoch_id, 1, s.partner, s.epoch_start, s.epoch_end, t.asset_chain, t.asset_symbol, t.asset_decimals, t.asset_contract,
       s.tier, '0', s.lifetime_revenue, s.carry_in, s.earned, s.payable, s.carry_out, s.lines, s.hash, s.referrals, s.dust_swept, s.idle_epochs
FROM statements s JOIN terms t ON t.registry_id = s.registry_id AND t.version = 1;
DROP TABLE statements;
ALTER TABLE statements_v3 RENAME TO statements;
CREATE INDEX statements_by_payee ON statements (registry_id, payee_kind, payee, epoch_end);

INSERT INTO epoch_closings (registry_id, epoch_id, epoch_start, epoch_end)
SELECT registry_id, epoch_id, epoch_start, MAX(epoch_end) FROM statements GROUP BY registry_id;

ALTER TABLE payouts ADD COLUMN payee_kind INTEGER NOT NULL DEFAULT 1;
