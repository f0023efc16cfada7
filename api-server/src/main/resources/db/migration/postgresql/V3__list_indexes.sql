-- List runs without a namespace or experiment scope (single-user mode) in created_at order, and filtered by state
-- in created_at order, walk an index instead of sorting every row; the state index also serves the dispatcher.
CREATE INDEX ix_runs_created ON runs (created_at, id);
CREATE INDEX ix_runs_state_created ON runs (state, created_at, id);
DROP INDEX ix_runs_state;

-- Names, descriptions, states and namespaces compare and sort by code point, as on H2 and MySQL (utf8mb4_bin),
-- whatever locale the database was created with.
ALTER TABLE pipelines ALTER COLUMN name TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE pipelines ALTER COLUMN display_name TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE pipelines ALTER COLUMN description TYPE TEXT COLLATE "C";
ALTER TABLE pipelines ALTER COLUMN namespace TYPE VARCHAR(63) COLLATE "C";
ALTER TABLE pipeline_versions ALTER COLUMN name TYPE VARCHAR(127) COLLATE "C";
ALTER TABLE pipeline_versions ALTER COLUMN display_name TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE pipeline_versions ALTER COLUMN description TYPE TEXT COLLATE "C";
ALTER TABLE experiments ALTER COLUMN name TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE experiments ALTER COLUMN description TYPE TEXT COLLATE "C";
ALTER TABLE experiments ALTER COLUMN namespace TYPE VARCHAR(63) COLLATE "C";
ALTER TABLE experiments ALTER COLUMN storage_state TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE runs ALTER COLUMN display_name TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE runs ALTER COLUMN description TYPE TEXT COLLATE "C";
ALTER TABLE runs ALTER COLUMN namespace TYPE VARCHAR(63) COLLATE "C";
ALTER TABLE runs ALTER COLUMN storage_state TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE runs ALTER COLUMN state TYPE VARCHAR(16) COLLATE "C";
ALTER TABLE recurring_runs ALTER COLUMN display_name TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE recurring_runs ALTER COLUMN description TYPE TEXT COLLATE "C";
ALTER TABLE recurring_runs ALTER COLUMN namespace TYPE VARCHAR(63) COLLATE "C";
