-- Add column "waived_on" to table: "rectifications"
ALTER TABLE `rectifications` ADD COLUMN `waived_on` date NULL;
