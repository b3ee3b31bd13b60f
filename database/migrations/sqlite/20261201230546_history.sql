-- Add column "current_since" to table: "areas"
ALTER TABLE `areas` ADD COLUMN `current_since` date NULL;
-- Add column "confirmed_on" to table: "members"
ALTER TABLE `members` ADD COLUMN `confirmed_on` date NULL;
-- Add column "probation_extended_to" to table: "members"
ALTER TABLE `members` ADD COLUMN `probation_extended_to` date NULL;
-- Add column "current_since" to table: "members"
ALTER TABLE `members` ADD COLUMN `current_since` date NULL;
-- Add column "current_since" to table: "organizations"
ALTER TABLE `organizations` ADD COLUMN `current_since` date NULL;
-- Add column "postponed_to" to table: "terms"
ALTER TABLE `terms` ADD COLUMN `postponed_to` date NULL;
-- Add column "postponement_reason" to table: "terms"
ALTER TABLE `terms` ADD COLUMN `postponement_reason` text NULL;
-- Add column "current_since" to table: "units"
ALTER TABLE `units` ADD COLUMN `current_since` date NULL;
-- Create index "unitcoverage_organization_id" to table: "unit_coverages"
CREATE INDEX `unitcoverage_organization_id` ON `unit_coverages` (`organization_id`);
-- Create "instructor_visits" table
CREATE TABLE `instructor_visits` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `visited_on` date NOT NULL, `note` text NULL, `unit_id` integer NOT NULL, `appointment_id` integer NULL, CONSTRAINT `instructor_visits_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `instructor_visits_appointments_appointment` FOREIGN KEY (`appointment_id`) REFERENCES `appointments` (`id`) ON DELETE SET NULL);
-- Set sequence for "instructor_visits" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("instructor_visits", 81604378624);
-- Create index "instructorvisit_unit_id_visited_on" to table: "instructor_visits"
CREATE INDEX `instructorvisit_unit_id_visited_on` ON `instructor_visits` (`unit_id`, `visited_on`);
-- Create "periods" table
CREATE TABLE `periods` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `subject_id` integer NOT NULL, `attribute` text NOT NULL, `ref_id` integer NULL, `number` real NULL, `text` text NULL, `valid_from` date NOT NULL, `valid_to` date NULL, `reason` text NULL);
-- Set sequence for "periods" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("periods", 85899345920);
-- Create index "period_subject_id_attribute_valid_from" to table: "periods"
CREATE INDEX `period_subject_id_attribute_valid_from` ON `periods` (`subject_id`, `attribute`, `valid_from`);
-- Create index "period_attribute_ref_id_valid_from" to table: "periods"
CREATE INDEX `period_attribute_ref_id_valid_from` ON `periods` (`attribute`, `ref_id`, `valid_from`);
-- Create "organization_site_members" table
CREATE TABLE `organization_site_members` (`organization_id` integer NOT NULL, `member_id` integer NOT NULL, PRIMARY KEY (`organization_id`, `member_id`), CONSTRAINT `organization_site_members_organization_id` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE CASCADE, CONSTRAINT `organization_site_members_member_id` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`) ON DELETE CASCADE);
