-- value as a character string (as upstream's TEXT) rather than a CLOB, so one mapping serves H2, MySQL and
-- PostgreSQL. H2's CHARACTER VARYING without a length holds up to 1,000,000,000 characters.
ALTER TABLE observation_logs ALTER COLUMN value SET DATA TYPE CHARACTER VARYING;
