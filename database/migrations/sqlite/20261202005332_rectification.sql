-- Create "rectifications" table
CREATE TABLE `rectifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `rule` text NOT NULL, `subject_id` integer NOT NULL, `detail` text NULL, `gap_id` integer NOT NULL, `subject_name` text NOT NULL, `responsible` text NULL, `deadline` date NOT NULL, `plan` text NULL, `status` text NOT NULL DEFAULT ('OPEN'), `waive_reason` text NULL, `handed_over_on` date NOT NULL, `gap_since` date NULL, `verified_on` date NULL, `verified_revision` integer NULL, `verified_by_entry_id` integer NULL, `reopened` integer NOT NULL DEFAULT (0), `area_id` integer NOT NULL, `organization_id` integer NULL, CONSTRAINT `rectifications_areas_area` FOREIGN KEY (`area_id`) REFERENCES `areas` (`id`) ON DELETE NO ACTION, CONSTRAINT `rectifications_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
-- Set sequence for "rectifications" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("rectifications", 90194313216);
-- Create index "rectification_rule_subject_id_detail" to table: "rectifications"
CREATE INDEX `rectification_rule_subject_id_detail` ON `rectifications` (`rule`, `subject_id`, `detail`);
-- Create index "rectification_area_id" to table: "rectifications"
CREATE INDEX `rectification_area_id` ON `rectifications` (`area_id`);
-- Create index "rectification_status" to table: "rectifications"
CREATE INDEX `rectification_status` ON `rectifications` (`status`);
-- Create index "rectification_deadline" to table: "rectifications"
CREATE INDEX `rectification_deadline` ON `rectifications` (`deadline`);
-- Create "rectification_notes" table
CREATE TABLE `rectification_notes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `at` datetime NOT NULL, `author` text NOT NULL, `text` text NOT NULL, `attachment` text NULL, `rectification_id` integer NOT NULL, CONSTRAINT `rectification_notes_rectifications_notes` FOREIGN KEY (`rectification_id`) REFERENCES `rectifications` (`id`) ON DELETE NO ACTION);
-- Set sequence for "rectification_notes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("rectification_notes", 94489280512);
