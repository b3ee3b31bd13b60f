-- Modify "rectifications" table
ALTER TABLE "rectifications" ADD COLUMN "waived_on" date NULL;
