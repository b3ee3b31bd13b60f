-- Written by hand: each member's days of organisational life
-- (register/lifedays.go), so the lapse rule finds a member's last one on or
-- before a day by the primary key instead of reading the member's meetings.
-- A day is kept when the member was recorded present at a meeting held
-- that day, or when the member's relationship sat that day in an
-- organisation that held a meeting without a roll. Every write of a
-- meeting or a membership derives its members' rows again; this fills the
-- table for the register as it stands (the same SELECT as
-- register.RefreshLifeDays).
CREATE TABLE IF NOT EXISTS life_days (member_id BIGINT NOT NULL, day date NOT NULL, PRIMARY KEY (member_id, day));
INSERT INTO life_days (member_id, day)
SELECT ma.member_id, mt.held_on FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id
UNION SELECT y.member_id, mt.held_on FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id
WHERE mt.held_on >= y.started_on AND (y.ended_on IS NULL OR mt.held_on < y.ended_on)
AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id);
