-- List runs without a namespace or experiment scope (single-user mode) in created_at order, and filtered by state
-- in created_at order, walk an index instead of sorting every row; the state index also serves the dispatcher.
CREATE INDEX ix_runs_created ON runs (created_at, id);
CREATE INDEX ix_runs_state_created ON runs (state, created_at, id);
DROP INDEX ix_runs_state;
