-- Where the output artifacts of a run's tasks are (ReadArtifact): one row per artifact, in the order the backend
-- reported them; task_id is the API's task id (run_details.task_details[].task_id), task_path the engine's.
CREATE TABLE run_artifacts (
    run_id VARCHAR(64) NOT NULL,
    seq INT NOT NULL,
    task_id VARCHAR(64) NOT NULL,
    task_path VARCHAR(1024) NOT NULL,
    name VARCHAR(255) NOT NULL,
    uri CLOB NOT NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT fk_run_artifacts FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
);
