-- Runs sorted by name (display_name, id as tie-break) walk this index and stop after one page, instead of sorting
-- every row that matches the filter.
CREATE INDEX ix_runs_display_name ON runs (display_name, id);
