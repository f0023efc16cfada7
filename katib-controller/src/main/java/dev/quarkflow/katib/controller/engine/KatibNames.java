package dev.quarkflow.katib.controller.engine;

/** Upstream's contract strings in one place: labels, condition types and reasons, defaults. */
public final class KatibNames {

    public static final String LABEL_EXPERIMENT = "katib.kubeflow.org/experiment";
    public static final String LABEL_SUGGESTION = "katib.kubeflow.org/suggestion";
    public static final String LABEL_TRIAL = "katib.kubeflow.org/trial";
    public static final String ENV_TRIAL_NAME = "KATIB_TRIAL_NAME";

    public static final String CREATED = "Created";
    public static final String RUNNING = "Running";
    public static final String RESTARTING = "Restarting";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String KILLED = "Killed";
    public static final String METRICS_UNAVAILABLE = "MetricsUnavailable";
    public static final String EARLY_STOPPED = "EarlyStopped";

    public static final String EXPERIMENT_CREATED_REASON = "ExperimentCreated";
    public static final String EXPERIMENT_RUNNING_REASON = "ExperimentRunning";
    public static final String EXPERIMENT_RESTARTING_REASON = "ExperimentRestarting";
    public static final String EXPERIMENT_GOAL_REACHED_REASON = "ExperimentGoalReached";
    public static final String EXPERIMENT_MAX_TRIALS_REACHED_REASON = "ExperimentMaxTrialsReached";
    public static final String EXPERIMENT_SUGGESTION_END_REACHED_REASON = "ExperimentSuggestionEndReached";
    public static final String EXPERIMENT_FAILED_REASON = "ExperimentFailed";

    public static final String TRIAL_CREATED_REASON = "TrialCreated";
    public static final String TRIAL_RUNNING_REASON = "TrialRunning";
    public static final String TRIAL_SUCCEEDED_REASON = "TrialSucceeded";
    public static final String TRIAL_METRICS_UNAVAILABLE_REASON = "MetricsUnavailable";
    public static final String TRIAL_FAILED_REASON = "TrialFailed";
    public static final String TRIAL_EARLY_STOPPED_REASON = "TrialEarlyStopped";

    public static final String DEPLOYMENT_READY = "DeploymentReady";
    public static final String SUGGESTION_CREATED_REASON = "SuggestionCreated";
    public static final String SUGGESTION_DEPLOYMENT_READY_REASON = "DeploymentReady";
    public static final String SUGGESTION_DEPLOYMENT_NOT_READY_REASON = "DeploymentNotReady";
    public static final String SUGGESTION_RUNNING_REASON = "SuggestionRunning";
    public static final String SUGGESTION_SUCCEEDED_REASON = "SuggestionSucceeded";
    public static final String SUGGESTION_FAILED_REASON = "SuggestionFailed";
    /** Upstream uses the message as the reason of Running=False while an experiment restarts. */
    public static final String SUGGESTION_RESTARTING_REASON = "Experiment is restarting";

    public static final String RESUME_NEVER = "Never";
    public static final String RESUME_LONG_RUNNING = "LongRunning";
    public static final String RESUME_FROM_VOLUME = "FromVolume";

    public static final int DEFAULT_PARALLEL_TRIAL_COUNT = 3;
    public static final String DEFAULT_METRICS_FILE = "/var/log/katib/metrics.log";
    public static final String DEFAULT_TF_EVENT_DIR = "/var/log/katib/tfevent/";
    public static final String DEFAULT_PROMETHEUS_PATH = "/metrics";
    public static final int DEFAULT_PROMETHEUS_PORT = 8080;

    private KatibNames() {
    }

    /**
     * Upstream's DBManager address: {@code <ip>.<namespace>:<port>}, or {@code <ip>:<port>} when the namespace is
     * empty (e.g. {@code katib-db-manager.kubeflow:6789}).
     */
    public static String dbManagerAddress(String serviceIp, String serviceNamespace, String servicePort) {
        String host = serviceNamespace == null || serviceNamespace.isEmpty() ? serviceIp
                : serviceIp + "." + serviceNamespace;
        return host + ":" + servicePort;
    }
}
