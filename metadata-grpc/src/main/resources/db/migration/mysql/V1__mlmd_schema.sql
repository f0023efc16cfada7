-- ML Metadata store, schema 1 (MySQL/MariaDB). Same tables and constraints as h2/ and postgresql/; binary collation so that comparisons are case-sensitive on every backend.
CREATE TABLE mlmd_type (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type_kind INTEGER NOT NULL,
    name VARCHAR(255) NOT NULL,
    version VARCHAR(255) NOT NULL,
    description LONGTEXT,
    external_id VARCHAR(255),
    base_type INTEGER,
    input_type LONGBLOB,
    output_type LONGBLOB,
    CONSTRAINT uk_type_kind_name_version UNIQUE (type_kind, name, version),
    CONSTRAINT uk_type_external_id UNIQUE (external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE mlmd_type_property (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    data_type INTEGER NOT NULL,
    CONSTRAINT uk_type_property UNIQUE (type_id, name),
    CONSTRAINT fk_type_property_type FOREIGN KEY (type_id) REFERENCES mlmd_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE mlmd_artifact (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type_id BIGINT NOT NULL,
    name VARCHAR(255),
    external_id VARCHAR(255),
    uri VARCHAR(4096) NOT NULL,
    state INTEGER,
    create_time BIGINT NOT NULL,
    last_update_time BIGINT NOT NULL,
    CONSTRAINT uk_artifact_type_name UNIQUE (type_id, name),
    CONSTRAINT uk_artifact_external_id UNIQUE (external_id),
    CONSTRAINT fk_artifact_type FOREIGN KEY (type_id) REFERENCES mlmd_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_artifact_uri ON mlmd_artifact (uri(255));
CREATE INDEX idx_artifact_create_time ON mlmd_artifact (create_time, id);
CREATE INDEX idx_artifact_update_time ON mlmd_artifact (last_update_time, id);

CREATE TABLE mlmd_execution (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type_id BIGINT NOT NULL,
    name VARCHAR(255),
    external_id VARCHAR(255),
    last_known_state INTEGER,
    create_time BIGINT NOT NULL,
    last_update_time BIGINT NOT NULL,
    CONSTRAINT uk_execution_type_name UNIQUE (type_id, name),
    CONSTRAINT uk_execution_external_id UNIQUE (external_id),
    CONSTRAINT fk_execution_type FOREIGN KEY (type_id) REFERENCES mlmd_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_execution_create_time ON mlmd_execution (create_time, id);
CREATE INDEX idx_execution_update_time ON mlmd_execution (last_update_time, id);

CREATE TABLE mlmd_context (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    external_id VARCHAR(255),
    create_time BIGINT NOT NULL,
    last_update_time BIGINT NOT NULL,
    CONSTRAINT uk_context_type_name UNIQUE (type_id, name),
    CONSTRAINT uk_context_external_id UNIQUE (external_id),
    CONSTRAINT fk_context_type FOREIGN KEY (type_id) REFERENCES mlmd_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_context_create_time ON mlmd_context (create_time, id);
CREATE INDEX idx_context_update_time ON mlmd_context (last_update_time, id);

-- node_kind: 0 execution, 1 artifact, 2 context (upstream's type_kind numbers).
CREATE TABLE mlmd_property (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_kind INTEGER NOT NULL,
    node_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    is_custom BOOLEAN NOT NULL,
    value_kind INTEGER NOT NULL,
    int_value BIGINT,
    double_value DOUBLE PRECISION,
    string_value LONGTEXT,
    bool_value BOOLEAN,
    bytes_value LONGBLOB,
    CONSTRAINT uk_property UNIQUE (node_kind, node_id, is_custom, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_property_name_int ON mlmd_property (name, int_value);

CREATE TABLE mlmd_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    artifact_id BIGINT NOT NULL,
    execution_id BIGINT NOT NULL,
    event_type INTEGER NOT NULL,
    milliseconds_since_epoch BIGINT NOT NULL,
    path LONGBLOB,
    CONSTRAINT uk_event UNIQUE (artifact_id, execution_id, event_type),
    CONSTRAINT fk_event_artifact FOREIGN KEY (artifact_id) REFERENCES mlmd_artifact (id),
    CONSTRAINT fk_event_execution FOREIGN KEY (execution_id) REFERENCES mlmd_execution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_event_execution ON mlmd_event (execution_id);

CREATE TABLE mlmd_attribution (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    context_id BIGINT NOT NULL,
    artifact_id BIGINT NOT NULL,
    CONSTRAINT uk_attribution UNIQUE (context_id, artifact_id),
    CONSTRAINT fk_attribution_context FOREIGN KEY (context_id) REFERENCES mlmd_context (id),
    CONSTRAINT fk_attribution_artifact FOREIGN KEY (artifact_id) REFERENCES mlmd_artifact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_attribution_artifact ON mlmd_attribution (artifact_id);

CREATE TABLE mlmd_association (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    context_id BIGINT NOT NULL,
    execution_id BIGINT NOT NULL,
    CONSTRAINT uk_association UNIQUE (context_id, execution_id),
    CONSTRAINT fk_association_context FOREIGN KEY (context_id) REFERENCES mlmd_context (id),
    CONSTRAINT fk_association_execution FOREIGN KEY (execution_id) REFERENCES mlmd_execution (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_association_execution ON mlmd_association (execution_id);

CREATE TABLE mlmd_parent_context (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    child_id BIGINT NOT NULL,
    parent_id BIGINT NOT NULL,
    CONSTRAINT uk_parent_context UNIQUE (child_id, parent_id),
    CONSTRAINT fk_parent_context_child FOREIGN KEY (child_id) REFERENCES mlmd_context (id),
    CONSTRAINT fk_parent_context_parent FOREIGN KEY (parent_id) REFERENCES mlmd_context (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX idx_parent_context_parent ON mlmd_parent_context (parent_id);
