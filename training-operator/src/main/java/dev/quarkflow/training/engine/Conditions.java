package dev.quarkflow.training.engine;

/** Upstream's condition types, statuses and reason suffixes; a reason is {@code <Kind><suffix>}, e.g. PyTorchJobRunning. */
public final class Conditions {

    public static final String CREATED = "Created";
    public static final String RUNNING = "Running";
    public static final String RESTARTING = "Restarting";
    public static final String SUCCEEDED = "Succeeded";
    public static final String SUSPENDED = "Suspended";
    public static final String FAILED = "Failed";

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    public static final String REASON_CREATED = "Created";
    public static final String REASON_RUNNING = "Running";
    public static final String REASON_RESTARTING = "Restarting";
    public static final String REASON_SUCCEEDED = "Succeeded";
    public static final String REASON_SUSPENDED = "Suspended";
    public static final String REASON_RESUMED = "Resumed";
    public static final String REASON_FAILED = "Failed";
    public static final String REASON_FAILED_VALIDATION = "FailedValidation";

    private Conditions() {
    }

    public static String reason(String kind, String suffix) {
        return kind + suffix;
    }
}
