-- Written by hand: the days of organisational life kept as facts
-- (register/lifedays.go), so the lapse rule finds a member's last one on or
-- before a day by an index instead of reading meetings. life_days: the
-- days each member was recorded present at a meeting; rollless_days: the
-- days each organisation held a meeting without a roll (its members then
-- count as present, by their memberships' dates). Every write of a meeting
-- derives its rows again; this fills the tables for the register as it
-- stands (the same SELECTs as register.RefreshLifeDays).
CREATE TABLE IF NOT EXISTS life_days (member_id BIGINT NOT NULL, day date NOT NULL, PRIMARY KEY (member_id, day)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollless_days (organization_id BIGINT NOT NULL, day date NOT NULL, PRIMARY KEY (organization_id, day)) WITHOUT ROWID;
INSERT INTO life_days (member_id, day)
SELECT DISTINCT ma.member_id, mt.held_on FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id;
INSERT INTO rollless_days (organization_id, day)
SELECT DISTINCT mt.organization_id, mt.held_on FROM meetings mt
WHERE NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id);
