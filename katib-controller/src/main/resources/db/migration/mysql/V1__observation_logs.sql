-- Upstream's observation_logs table (katib db-manager, MySQL), column for column, so that Quarkflow and
-- upstream's db-manager can share a database; IF NOT EXISTS adopts a table upstream already created.
-- The index is not in upstream (every read is by trial, in time order); MySQL has no CREATE INDEX IF NOT EXISTS,
-- so it is declared inside the table.
CREATE TABLE IF NOT EXISTS observation_logs (
    trial_name VARCHAR(255) NOT NULL,
    id INT AUTO_INCREMENT PRIMARY KEY,
    time DATETIME(6),
    metric_name VARCHAR(255) NOT NULL,
    value TEXT NOT NULL,
    INDEX observation_logs_trial_time (trial_name, time)
);
