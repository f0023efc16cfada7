-- The cache index of the local backend (upstream keeps it in its tasks table): successful executions by
-- pipeline name and cache fingerprint, newest first.
CREATE TABLE task_cache (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    pipeline_name VARCHAR(256) NOT NULL,
    fingerprint VARCHAR(128) NOT NULL,
    created_at BIGINT NOT NULL,
    run_id VARCHAR(128) NOT NULL,
    task_id VARCHAR(1024) NOT NULL,
    outputs LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_task_cache_lookup ON task_cache (pipeline_name, fingerprint, created_at);
