-- Written by hand (see database/migrations/README.md): what ent cannot declare.
-- Indexes on the second column of many-to-many join tables, which the
-- coverage analysis reads from.
CREATE INDEX IF NOT EXISTS meeting_attendees_member_id ON meeting_attendees (member_id);
CREATE INDEX IF NOT EXISTS organization_areas_area_id ON organization_areas (area_id);
-- The register's revision, which every write advances (register.Revision).
CREATE TABLE IF NOT EXISTS register_revision (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL);
INSERT INTO register_revision (id, revision) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM register_revision);
-- The first answer to each mutation sent with an Idempotency-Key, by who sent it.
CREATE TABLE IF NOT EXISTS idempotency_keys (actor TEXT NOT NULL, idem_key TEXT NOT NULL, request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at TIMESTAMP NOT NULL, PRIMARY KEY (actor, idem_key));
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
