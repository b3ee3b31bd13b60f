-- Written by hand: the revision at which a write last touched each area
-- (register/touch.go). A write records every area whose analysis it may
-- change, and the areas above them; area 0 stands for the whole register
-- (a write to the territory or the rule settings). An analysis scoped to an
-- area and cached at a revision stays current while its area's row is not
-- past it.
CREATE TABLE IF NOT EXISTS area_revisions (area_id BIGINT PRIMARY KEY, revision BIGINT NOT NULL);
