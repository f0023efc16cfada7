-- KFP api-server schema 1 (MySQL/MariaDB): the tables of h2/ and postgresql/; binary collation so that string
-- comparisons and ordering are case-sensitive, as on H2.
CREATE TABLE pipelines (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    display_name VARCHAR(256) NOT NULL,
    description LONGTEXT,
    created_at BIGINT NOT NULL,
    namespace VARCHAR(63) NOT NULL,
    CONSTRAINT uk_pipelines_namespace_name UNIQUE (namespace, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_pipelines_created ON pipelines (created_at, id);

CREATE TABLE pipeline_tags (
    pipeline_id VARCHAR(64) NOT NULL,
    tag_key VARCHAR(63) NOT NULL,
    tag_value VARCHAR(63) NOT NULL,
    PRIMARY KEY (pipeline_id, tag_key),
    CONSTRAINT fk_pipeline_tags FOREIGN KEY (pipeline_id) REFERENCES pipelines (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE pipeline_versions (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    pipeline_id VARCHAR(64) NOT NULL,
    name VARCHAR(127) NOT NULL,
    display_name VARCHAR(256) NOT NULL,
    description LONGTEXT,
    created_at BIGINT NOT NULL,
    pipeline_url VARCHAR(2048),
    code_source_url VARCHAR(2048),
    pipeline_spec LONGTEXT NOT NULL,
    platform_spec LONGTEXT,
    CONSTRAINT uk_pipeline_versions_name UNIQUE (pipeline_id, name),
    CONSTRAINT fk_pipeline_versions FOREIGN KEY (pipeline_id) REFERENCES pipelines (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_pipeline_versions_created ON pipeline_versions (pipeline_id, created_at, id);

CREATE TABLE pipeline_version_tags (
    pipeline_version_id VARCHAR(64) NOT NULL,
    tag_key VARCHAR(63) NOT NULL,
    tag_value VARCHAR(63) NOT NULL,
    PRIMARY KEY (pipeline_version_id, tag_key),
    CONSTRAINT fk_pipeline_version_tags FOREIGN KEY (pipeline_version_id) REFERENCES pipeline_versions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE experiments (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    description LONGTEXT,
    created_at BIGINT NOT NULL,
    last_run_created_at BIGINT NOT NULL,
    namespace VARCHAR(63) NOT NULL,
    storage_state VARCHAR(16) NOT NULL,
    CONSTRAINT uk_experiments_namespace_name UNIQUE (namespace, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_experiments_created ON experiments (created_at, id);

CREATE TABLE default_experiments (
    id INT NOT NULL PRIMARY KEY,
    experiment_id VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE runs (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    display_name VARCHAR(256) NOT NULL,
    description LONGTEXT,
    experiment_id VARCHAR(64) NOT NULL,
    namespace VARCHAR(63) NOT NULL,
    storage_state VARCHAR(16) NOT NULL,
    source_kind VARCHAR(16) NOT NULL,
    pipeline_id VARCHAR(64),
    pipeline_version_id VARCHAR(64),
    pipeline_spec LONGTEXT NOT NULL,
    platform_spec LONGTEXT,
    runtime_parameters LONGTEXT,
    pipeline_root VARCHAR(2048),
    service_account VARCHAR(256) NOT NULL,
    created_at BIGINT NOT NULL,
    scheduled_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    state VARCHAR(16) NOT NULL,
    error_code INT NOT NULL,
    error_message LONGTEXT,
    run_details LONGTEXT,
    recurring_run_id VARCHAR(64),
    plugins_input LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_runs_namespace_created ON runs (namespace, created_at, id);
CREATE INDEX ix_runs_experiment_created ON runs (experiment_id, created_at, id);
CREATE INDEX ix_runs_recurring ON runs (recurring_run_id, state);
CREATE INDEX ix_runs_state ON runs (state);

CREATE TABLE run_state_history (
    run_id VARCHAR(64) NOT NULL,
    seq INT NOT NULL,
    update_time BIGINT NOT NULL,
    state VARCHAR(16) NOT NULL,
    error_message LONGTEXT,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_run_state_history FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE recurring_runs (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    display_name VARCHAR(256) NOT NULL,
    description LONGTEXT,
    experiment_id VARCHAR(64) NOT NULL,
    namespace VARCHAR(63) NOT NULL,
    source_kind VARCHAR(16) NOT NULL,
    pipeline_id VARCHAR(64),
    pipeline_version_id VARCHAR(64),
    pipeline_spec LONGTEXT NOT NULL,
    platform_spec LONGTEXT,
    runtime_parameters LONGTEXT,
    pipeline_root VARCHAR(2048),
    service_account VARCHAR(256) NOT NULL,
    max_concurrency BIGINT NOT NULL,
    trigger_kind VARCHAR(16) NOT NULL,
    cron VARCHAR(256),
    interval_second BIGINT NOT NULL,
    start_time BIGINT,
    end_time BIGINT,
    enabled BOOLEAN NOT NULL,
    no_catchup BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_scheduled_at BIGINT,
    run_count BIGINT NOT NULL,
    plugins_input LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_recurring_runs_created ON recurring_runs (namespace, created_at, id);
