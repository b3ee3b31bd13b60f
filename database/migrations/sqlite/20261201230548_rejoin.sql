-- A unit may leave an organisation and rejoin it: coverage links are periods,
-- several per organisation and unit (register.CheckUnitCoverage keeps them
-- from overlapping), so the unique index of the old edge schema goes.
DROP INDEX IF EXISTS unitcoverage_organization_id_unit_id;
