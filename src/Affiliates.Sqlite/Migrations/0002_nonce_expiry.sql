-- Consumed nonces are forgotten once their requests have long expired; this finds them without a scan.
CREATE INDEX nonces_by_expiry ON nonces (expires_at);
