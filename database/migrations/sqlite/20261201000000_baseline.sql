-- Create "api_tokens" table
CREATE TABLE `api_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `prefix` text NOT NULL, `token_hash` text NOT NULL, `role` text NOT NULL, `expires_at` datetime NULL, `revoked_at` datetime NULL, `last_used_at` datetime NULL, `user_id` integer NULL, CONSTRAINT `api_tokens_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Set sequence for "api_tokens" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("api_tokens", 64424509440);
-- Create index "api_tokens_token_hash_key" to table: "api_tokens"
CREATE UNIQUE INDEX `api_tokens_token_hash_key` ON `api_tokens` (`token_hash`);
-- Create "affiliated_organizations" table
CREATE TABLE `affiliated_organizations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `members_count` integer NULL, `established_on` date NULL, `dissolved_on` date NULL, `unit_id` integer NULL, `community_id` integer NULL, CONSTRAINT `affiliated_organizations_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `affiliated_organizations_areas_community` FOREIGN KEY (`community_id`) REFERENCES `areas` (`id`) ON DELETE SET NULL);
-- Create index "affiliatedorganization_unit_id" to table: "affiliated_organizations"
CREATE INDEX `affiliatedorganization_unit_id` ON `affiliated_organizations` (`unit_id`);
-- Create index "affiliatedorganization_community_id" to table: "affiliated_organizations"
CREATE INDEX `affiliatedorganization_community_id` ON `affiliated_organizations` (`community_id`);
-- Create "appointments" table
CREATE TABLE `appointments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `title` text NULL, `holder_name` text NULL, `holder_affiliation` text NULL, `started_on` date NOT NULL, `ended_on` date NULL, `note` text NULL, `organization_id` integer NULL, `unit_id` integer NULL, `member_id` integer NULL, CONSTRAINT `appointments_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL, CONSTRAINT `appointments_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `appointments_members_member` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`) ON DELETE SET NULL);
-- Set sequence for "appointments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("appointments", 4294967296);
-- Create index "appointment_organization_id" to table: "appointments"
CREATE INDEX `appointment_organization_id` ON `appointments` (`organization_id`);
-- Create index "appointment_unit_id" to table: "appointments"
CREATE INDEX `appointment_unit_id` ON `appointments` (`unit_id`);
-- Create index "appointment_member_id" to table: "appointments"
CREATE INDEX `appointment_member_id` ON `appointments` (`member_id`);
-- Create "areas" table
CREATE TABLE `areas` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `code` text NULL, `kind` text NOT NULL, `boundary` json NULL, `households` integer NOT NULL DEFAULT (0), `residents` integer NOT NULL DEFAULT (0), `established_on` date NULL, `dissolved_on` date NULL, `parent_id` integer NULL, CONSTRAINT `areas_areas_children` FOREIGN KEY (`parent_id`) REFERENCES `areas` (`id`) ON DELETE SET NULL);
-- Set sequence for "areas" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("areas", 8589934592);
-- Create index "area_parent_id" to table: "areas"
CREATE INDEX `area_parent_id` ON `areas` (`parent_id`);
-- Create index "area_kind" to table: "areas"
CREATE INDEX `area_kind` ON `areas` (`kind`);
-- Create "assessments" table
CREATE TABLE `assessments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `year` integer NOT NULL, `score` real NOT NULL, `grade` text NOT NULL, `leadership_good` bool NOT NULL DEFAULT (false), `ranks_good` bool NOT NULL DEFAULT (false), `mechanisms_good` bool NOT NULL DEFAULT (false), `results_good` bool NOT NULL DEFAULT (false), `evaluation_good` bool NOT NULL DEFAULT (false), `note` text NULL, `organization_id` integer NULL, `community_id` integer NULL, CONSTRAINT `assessments_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL, CONSTRAINT `assessments_areas_community` FOREIGN KEY (`community_id`) REFERENCES `areas` (`id`) ON DELETE SET NULL);
-- Set sequence for "assessments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("assessments", 12884901888);
-- Create index "assessment_organization_id_year" to table: "assessments"
CREATE INDEX `assessment_organization_id_year` ON `assessments` (`organization_id`, `year`);
-- Create index "assessment_community_id_year" to table: "assessments"
CREATE INDEX `assessment_community_id_year` ON `assessments` (`community_id`, `year`);
-- Create "audit_entries" table
CREATE TABLE `audit_entries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `at` datetime NOT NULL, `actor` text NOT NULL, `user_id` integer NULL, `token_id` integer NULL, `address` text NULL, `action` text NOT NULL, `entity_type` text NULL, `entity_id` integer NULL, `before` json NULL, `after` json NULL, `detail` text NULL);
-- Set sequence for "audit_entries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("audit_entries", 68719476736);
-- Create index "auditentry_at" to table: "audit_entries"
CREATE INDEX `auditentry_at` ON `audit_entries` (`at`);
-- Create index "auditentry_entity_type_entity_id" to table: "audit_entries"
CREATE INDEX `auditentry_entity_type_entity_id` ON `audit_entries` (`entity_type`, `entity_id`);
-- Create "exemptions" table
CREATE TABLE `exemptions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `meeting_type` text NOT NULL, `reason` text NOT NULL, `started_on` date NOT NULL, `ended_on` date NULL, `organization_id` integer NOT NULL, CONSTRAINT `exemptions_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- Set sequence for "exemptions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("exemptions", 17179869184);
-- Create index "exemption_organization_id" to table: "exemptions"
CREATE INDEX `exemption_organization_id` ON `exemptions` (`organization_id`);
-- Create "kind_changes" table
CREATE TABLE `kind_changes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `from_kind` text NOT NULL, `to_kind` text NOT NULL, `changed_on` date NOT NULL, `reason` text NULL, `organization_id` integer NOT NULL, CONSTRAINT `kind_changes_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- Set sequence for "kind_changes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("kind_changes", 21474836480);
-- Create index "kindchange_organization_id_changed_on" to table: "kind_changes"
CREATE INDEX `kindchange_organization_id_changed_on` ON `kind_changes` (`organization_id`, `changed_on`);
-- Create "meetings" table
CREATE TABLE `meetings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `type` text NOT NULL, `held_on` date NOT NULL, `expected_attendance` integer NOT NULL, `attendance` integer NOT NULL, `topic` text NULL, `organization_id` integer NOT NULL, CONSTRAINT `meetings_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- Set sequence for "meetings" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("meetings", 25769803776);
-- Create index "meeting_organization_id_type_held_on" to table: "meetings"
CREATE INDEX `meeting_organization_id_type_held_on` ON `meetings` (`organization_id`, `type`, `held_on`);
-- Create "members" table
CREATE TABLE `members` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `gender` text NOT NULL, `ethnicity` text NULL, `born_on` date NULL, `status` text NOT NULL, `joined_party_on` date NOT NULL, `category` text NOT NULL, `mobility` text NULL, `mobile_place` text NULL, `external_organization` text NULL, `tags` json NULL, `phone` text NULL, `id_number` text NULL, `address` text NULL, `party_group_id` integer NULL, `residence_grid_id` integer NULL, `work_unit_id` integer NULL, CONSTRAINT `members_organizations_party_group` FOREIGN KEY (`party_group_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL, CONSTRAINT `members_areas_residence_grid` FOREIGN KEY (`residence_grid_id`) REFERENCES `areas` (`id`) ON DELETE SET NULL, CONSTRAINT `members_units_work_unit` FOREIGN KEY (`work_unit_id`) REFERENCES `units` (`id`) ON DELETE SET NULL);
-- Set sequence for "members" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("members", 30064771072);
-- Create index "member_party_group_id" to table: "members"
CREATE INDEX `member_party_group_id` ON `members` (`party_group_id`);
-- Create index "member_residence_grid_id" to table: "members"
CREATE INDEX `member_residence_grid_id` ON `members` (`residence_grid_id`);
-- Create index "member_work_unit_id" to table: "members"
CREATE INDEX `member_work_unit_id` ON `members` (`work_unit_id`);
-- Create "memberships" table
CREATE TABLE `memberships` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `started_on` date NOT NULL, `ended_on` date NULL, `start_reason` text NOT NULL, `end_reason` text NULL, `note` text NULL, `member_id` integer NOT NULL, `organization_id` integer NOT NULL, CONSTRAINT `memberships_members_member` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`) ON DELETE NO ACTION, CONSTRAINT `memberships_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- Set sequence for "memberships" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("memberships", 34359738368);
-- Create index "membership_member_id_started_on" to table: "memberships"
CREATE INDEX `membership_member_id_started_on` ON `memberships` (`member_id`, `started_on`);
-- Create index "membership_organization_id" to table: "memberships"
CREATE INDEX `membership_organization_id` ON `memberships` (`organization_id`);
-- Create "mobile_reports" table
CREATE TABLE `mobile_reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `reported_on` date NOT NULL, `channel` text NOT NULL DEFAULT ('PHONE'), `note` text NULL, `member_id` integer NOT NULL, CONSTRAINT `mobile_reports_members_member` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`) ON DELETE NO ACTION);
-- Set sequence for "mobile_reports" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("mobile_reports", 38654705664);
-- Create index "mobilereport_member_id_reported_on" to table: "mobile_reports"
CREATE INDEX `mobilereport_member_id_reported_on` ON `mobile_reports` (`member_id`, `reported_on`);
-- Create "organizations" table
CREATE TABLE `organizations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `short_name` text NULL, `kind` text NOT NULL, `formation` text NOT NULL, `established_on` date NOT NULL, `dissolved_on` date NULL, `dissolution_reason` text NULL, `activity_budget` integer NULL, `parent_id` integer NULL, CONSTRAINT `organizations_organizations_children` FOREIGN KEY (`parent_id`) REFERENCES `organizations` (`id`) ON DELETE SET NULL);
-- Set sequence for "organizations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("organizations", 42949672960);
-- Create index "organization_parent_id" to table: "organizations"
CREATE INDEX `organization_parent_id` ON `organizations` (`parent_id`);
-- Create index "organization_kind" to table: "organizations"
CREATE INDEX `organization_kind` ON `organizations` (`kind`);
-- Create "rule_settings" table
CREATE TABLE `rule_settings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `organization_kind` text NULL, `value` real NOT NULL, `period_months` integer NULL, `description` text NULL, `source` text NULL);
-- Set sequence for "rule_settings" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("rule_settings", 47244640256);
-- Create index "rulesetting_key_organization_kind" to table: "rule_settings"
CREATE INDEX `rulesetting_key_organization_kind` ON `rule_settings` (`key`, `organization_kind`);
-- Create "sessions" table
CREATE TABLE `sessions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `token_hash` text NOT NULL, `csrf_token` text NOT NULL, `expires_at` datetime NOT NULL, `revoked_at` datetime NULL, `address` text NULL, `user_id` integer NOT NULL, CONSTRAINT `sessions_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "sessions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sessions", 73014444032);
-- Create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
-- Create index "session_user_id" to table: "sessions"
CREATE INDEX `session_user_id` ON `sessions` (`user_id`);
-- Create "terms" table
CREATE TABLE `terms` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `started_on` date NOT NULL, `due_on` date NOT NULL, `renewed_on` date NULL, `note` text NULL, `organization_id` integer NOT NULL, CONSTRAINT `terms_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION);
-- Set sequence for "terms" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("terms", 51539607552);
-- Create index "term_organization_id_started_on" to table: "terms"
CREATE INDEX `term_organization_id_started_on` ON `terms` (`organization_id`, `started_on`);
-- Create "units" table
CREATE TABLE `units` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `kind` text NOT NULL, `credit_code` text NULL, `employees` integer NOT NULL DEFAULT (0), `above_designated_size` bool NOT NULL DEFAULT (false), `address` text NULL, `opened_on` date NULL, `planned_close_on` date NULL, `closed_on` date NULL, `grid_id` integer NOT NULL, CONSTRAINT `units_areas_grid` FOREIGN KEY (`grid_id`) REFERENCES `areas` (`id`) ON DELETE NO ACTION);
-- Set sequence for "units" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("units", 55834574848);
-- Create index "units_credit_code_key" to table: "units"
CREATE UNIQUE INDEX `units_credit_code_key` ON `units` (`credit_code`);
-- Create index "unit_grid_id" to table: "units"
CREATE INDEX `unit_grid_id` ON `units` (`grid_id`);
-- Create "unit_coverages" table
CREATE TABLE `unit_coverages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `started_on` date NOT NULL, `ended_on` date NULL, `note` text NULL, `organization_id` integer NOT NULL, `unit_id` integer NOT NULL, CONSTRAINT `unit_coverages_organizations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE NO ACTION, CONSTRAINT `unit_coverages_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION);
-- Set sequence for "unit_coverages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("unit_coverages", 60129542144);
-- Create index "unitcoverage_unit_id" to table: "unit_coverages"
CREATE INDEX `unitcoverage_unit_id` ON `unit_coverages` (`unit_id`);
-- Create index "unitcoverage_organization_id_unit_id" to table: "unit_coverages"
CREATE UNIQUE INDEX `unitcoverage_organization_id_unit_id` ON `unit_coverages` (`organization_id`, `unit_id`);
-- Create "users" table
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `username` text NOT NULL, `display_name` text NULL, `password_hash` text NOT NULL, `role` text NOT NULL, `disabled` bool NOT NULL DEFAULT (false), `last_login_at` datetime NULL);
-- Set sequence for "users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("users", 77309411328);
-- Create index "users_username_key" to table: "users"
CREATE UNIQUE INDEX `users_username_key` ON `users` (`username`);
-- Create "api_token_areas" table
CREATE TABLE `api_token_areas` (`api_token_id` integer NOT NULL, `area_id` integer NOT NULL, PRIMARY KEY (`api_token_id`, `area_id`), CONSTRAINT `api_token_areas_api_token_id` FOREIGN KEY (`api_token_id`) REFERENCES `api_tokens` (`id`) ON DELETE CASCADE, CONSTRAINT `api_token_areas_area_id` FOREIGN KEY (`area_id`) REFERENCES `areas` (`id`) ON DELETE CASCADE);
-- Create "meeting_attendees" table
CREATE TABLE `meeting_attendees` (`meeting_id` integer NOT NULL, `member_id` integer NOT NULL, PRIMARY KEY (`meeting_id`, `member_id`), CONSTRAINT `meeting_attendees_meeting_id` FOREIGN KEY (`meeting_id`) REFERENCES `meetings` (`id`) ON DELETE CASCADE, CONSTRAINT `meeting_attendees_member_id` FOREIGN KEY (`member_id`) REFERENCES `members` (`id`) ON DELETE CASCADE);
-- Create "organization_areas" table
CREATE TABLE `organization_areas` (`organization_id` integer NOT NULL, `area_id` integer NOT NULL, PRIMARY KEY (`organization_id`, `area_id`), CONSTRAINT `organization_areas_organization_id` FOREIGN KEY (`organization_id`) REFERENCES `organizations` (`id`) ON DELETE CASCADE, CONSTRAINT `organization_areas_area_id` FOREIGN KEY (`area_id`) REFERENCES `areas` (`id`) ON DELETE CASCADE);
-- Create "user_areas" table
CREATE TABLE `user_areas` (`user_id` integer NOT NULL, `area_id` integer NOT NULL, PRIMARY KEY (`user_id`, `area_id`), CONSTRAINT `user_areas_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE, CONSTRAINT `user_areas_area_id` FOREIGN KEY (`area_id`) REFERENCES `areas` (`id`) ON DELETE CASCADE);
