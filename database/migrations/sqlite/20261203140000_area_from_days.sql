-- Written by hand: each write now records, with the areas it touches, the
-- earliest day whose reading it may change (its from-day, a day number such
-- as 20261203; register/touchday.go). An analysis of an area as of a day
-- stays current while no later write touched the area (or the whole
-- register) with a from-day on or before that day. Per area a row is kept
-- for each from-day, with the latest revision of a write from it; a write
-- supersedes the rows of later days (register/touch.go). The rows kept so
-- far date from the beginning of time (19000101): they may have changed
-- any day. Area -1 is advanced by every write that touches some area: the
-- whole register's analysis reads it.
CREATE TABLE area_revisions_by_day (area_id BIGINT NOT NULL, from_day INTEGER NOT NULL, revision BIGINT NOT NULL, PRIMARY KEY (area_id, from_day));
INSERT INTO area_revisions_by_day (area_id, from_day, revision) SELECT area_id, 19000101, revision FROM area_revisions;
INSERT INTO area_revisions_by_day (area_id, from_day, revision) SELECT -1, 19000101, MAX(revision) FROM area_revisions WHERE area_id <> 0 HAVING COUNT(*) > 0;
DROP TABLE area_revisions;
ALTER TABLE area_revisions_by_day RENAME TO area_revisions;
