-- Registries and code generations are written compare-and-set: each write names the version it follows.
ALTER TABLE registries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE codes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
