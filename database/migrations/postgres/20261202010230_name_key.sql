-- Modify "members" table
ALTER TABLE "members" ADD COLUMN "name_key" character varying NULL;
-- Modify "organizations" table
ALTER TABLE "organizations" ADD COLUMN "name_key" character varying NULL;
-- Modify "units" table
ALTER TABLE "units" ADD COLUMN "name_key" character varying NULL;
