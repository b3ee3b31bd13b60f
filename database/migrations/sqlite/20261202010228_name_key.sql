-- Add column "name_key" to table: "members"
ALTER TABLE `members` ADD COLUMN `name_key` text NULL;
-- Add column "name_key" to table: "organizations"
ALTER TABLE `organizations` ADD COLUMN `name_key` text NULL;
-- Add column "name_key" to table: "units"
ALTER TABLE `units` ADD COLUMN `name_key` text NULL;
