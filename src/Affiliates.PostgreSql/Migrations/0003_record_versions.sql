-- Registries and code generations are written compare-and-set: each write names the version it follows.
ALTER TABLE registries ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE partner_codes ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
