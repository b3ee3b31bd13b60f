-- The periods of one attribute of one record never overlap: on any day a
-- record has one value of it (register/history.go keeps them so; this makes
-- PostgreSQL refuse anything that does not). An attribute with several values
-- at once (an organisation's areas, a temporary branch's site members) has
-- non-overlapping periods per value. Checked at commit, since the history
-- hook ends a period and opens the next within one transaction.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "periods" ADD CONSTRAINT "period_one_value_a_day" EXCLUDE USING gist (
  "subject_id" WITH =, "attribute" WITH =, daterange("valid_from", "valid_to") WITH &&
) WHERE ("attribute" NOT IN ('ORGANIZATION_AREA', 'ORGANIZATION_SITE_MEMBER')) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "periods" ADD CONSTRAINT "period_set_value_once_a_day" EXCLUDE USING gist (
  "subject_id" WITH =, "attribute" WITH =, "ref_id" WITH =, daterange("valid_from", "valid_to") WITH &&
) WHERE ("attribute" IN ('ORGANIZATION_AREA', 'ORGANIZATION_SITE_MEMBER')) DEFERRABLE INITIALLY DEFERRED;
