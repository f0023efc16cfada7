-- Upstream's observation_logs table (katib db-manager, PostgreSQL), column for column, so that Quarkflow and
-- upstream's db-manager can share a database; IF NOT EXISTS adopts a table upstream already created.
CREATE TABLE IF NOT EXISTS observation_logs (
    trial_name VARCHAR(255) NOT NULL,
    id serial PRIMARY KEY,
    time TIMESTAMP(6),
    metric_name VARCHAR(255) NOT NULL,
    value TEXT NOT NULL
);
-- Not in upstream: every read is by trial, in time order.
CREATE INDEX IF NOT EXISTS observation_logs_trial_time ON observation_logs (trial_name, time);
