-- Create index "organization_current_since" to table: "organizations"
CREATE INDEX `organization_current_since` ON `organizations` (`current_since`);
