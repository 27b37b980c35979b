-- Issue 10: events carry their asset; entries are booked (late ones into the first open epoch) and carry what they
-- are priced by; epochs close in order; refunds are keyed rows (partial, held); statements are per payee, in an asset.

ALTER TABLE program_events
    ADD COLUMN asset_chain text NOT NULL DEFAULT '',
    ADD COLUMN asset_symbol text NOT NULL DEFAULT '',
    ADD COLUMN asset_decimals integer NOT NULL DEFAULT 0,
    ADD COLUMN asset_contract text;
UPDATE program_events e SET asset_chain = t.payout_chain, asset_symbol = t.payout_symbol, asset_decimals = t.payout_decimals, asset_contract = t.payout_contract
FROM program_terms t WHERE t.registry_id = e.registry_id AND t.version = 1;

ALTER TABLE ledger_entries
    ADD COLUMN booked_at bigint,
    ADD COLUMN user_address text,
    ADD COLUMN referral_fee_ppm integer NOT NULL DEFAULT 0,
    ADD COLUMN kickback_ppm integer NOT NULL DEFAULT 0,
    ADD COLUMN refund_of text COLLATE "C";
UPDATE ledger_entries SET booked_at = occurred_at;
ALTER TABLE ledger_entries ALTER COLUMN booked_at SET NOT NULL;

-- Keyed in settlement order: an epoch's entries are one range, late ones (booked at its start) first. The time index
-- serves reads by event time and an event's entries (which carry its time).
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_pkey;
ALTER TABLE ledger_entries ADD PRIMARY KEY (registry_id, booked_at, occurred_at, event_id, sequence);
CREATE INDEX ledger_entries_by_time ON ledger_entries (registry_id, occurred_at, event_id, sequence);
DROP INDEX ledger_entries_by_code;

-- The latest closed epoch of each registry (epoch_id NULL: none yet). Ingest holds this row FOR SHARE while it
-- books against it; closing an epoch updates it, so the two never interleave.
CREATE TABLE epoch_closings (
    registry_id text COLLATE "C" PRIMARY KEY,
    epoch_id text COLLATE "C",
    epoch_start bigint,
    epoch_end bigint
);

-- One row per refund; an applied refund's ordinal among its event's refunds is unique, so two writers cannot both
-- apply the n-th refund of one event. Ordinal is NULL unless applied.
CREATE TABLE refunds (
    registry_id text COLLATE "C" NOT NULL,
    refund_id text COLLATE "C" NOT NULL,
    payment_id text COLLATE "C" NOT NULL,
    occurred_at bigint NOT NULL,
    amount numeric(39, 0) NOT NULL,
    status smallint NOT NULL,
    ordinal integer,
    refunded_after numeric(39, 0) NOT NULL,
    booked_at bigint,
    PRIMARY KEY (registry_id, refund_id),
    UNIQUE (registry_id, payment_id, ordinal)
);

-- Version 2 refunded events in full only, and marked each with an entry-less "~refund:<id>" event.
INSERT INTO refunds (registry_id, refund_id, payment_id, occurred_at, amount, status, ordinal, refunded_after, booked_at)
SELECT registry_id, event_id, refund_of, occurred_at, amount, 2, 1, amount, occurred_at
FROM program_events WHERE kind = 4 AND refund_of IS NOT NULL AND event_id NOT LIKE '~refund:%';
DELETE FROM program_events WHERE event_id LIKE '~refund:%';

ALTER TABLE epoch_statements RENAME COLUMN partner TO payee;
ALTER TABLE epoch_statements RENAME COLUMN line_commissions TO line_amounts;
ALTER TABLE epoch_statements
    ADD COLUMN payee_kind smallint NOT NULL DEFAULT 1,
    ADD COLUMN asset_chain text NOT NULL DEFAULT '',
    ADD COLUMN asset_symbol text NOT NULL DEFAULT '',
    ADD COLUMN asset_decimals integer NOT NULL DEFAULT 0,
    ADD COLUMN asset_contract text,
    ADD COLUMN tier_metric numeric(39, 0) NOT NULL DEFAULT 0,
    ADD COLUMN line_kinds smallint[],
    ADD COLUMN line_late boolean[],
    ADD COLUMN line_multipliers bigint[];
UPDATE epoch_statements s SET asset_chain = t.payout_chain, asset_symbol = t.payout_symbol, asset_decimals = t.payout_decimals, asset_contract = t.payout_contract
FROM program_terms t WHERE t.registry_id = s.registry_id AND t.version = 1;
ALTER TABLE epoch_statements DROP CONSTRAINT epoch_statements_pkey;
ALTER TABLE epoch_statements ADD PRIMARY KEY (registry_id, epoch_id, payee_kind, payee);
DROP INDEX epoch_statements_by_partner_end;
CREATE INDEX epoch_statements_by_payee_end ON epoch_statements (registry_id, payee_kind, payee, epoch_end);

INSERT INTO epoch_closings (registry_id, epoch_id, epoch_start, epoch_end)
SELECT DISTINCT ON (registry_id) registry_id, epoch_id, epoch_start, epoch_end FROM epoch_statements ORDER BY registry_id, epoch_end DESC;

ALTER TABLE payout_intents ADD COLUMN payee_kind smallint NOT NULL DEFAULT 1;
