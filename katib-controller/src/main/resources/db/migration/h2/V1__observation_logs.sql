-- Upstream's observation_logs table (katib db-manager), times in UTC with microseconds.
CREATE TABLE observation_logs (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    trial_name VARCHAR(255) NOT NULL,
    time TIMESTAMP(6) NOT NULL,
    metric_name VARCHAR(255) NOT NULL,
    value CLOB NOT NULL
);
CREATE INDEX observation_logs_trial_time ON observation_logs (trial_name, time);
