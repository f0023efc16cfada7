package dev.quarkflow.training.engine;

/** Replica restart policies and upstream's ExitCode rule. */
public final class RestartPolicies {

    public static final String ALWAYS = "Always";
    public static final String ON_FAILURE = "OnFailure";
    public static final String NEVER = "Never";
    public static final String EXIT_CODE = "ExitCode";

    /** Exit code assumed when the default container reports none (upstream's 0xbeef). */
    public static final int UNKNOWN_EXIT_CODE = 0xbeef;

    private RestartPolicies() {
    }

    /** Signals (128 and above) are retryable; codes 1-127 are the program's own verdict and final. */
    public static boolean isRetryable(int exitCode) {
        return exitCode >= 128;
    }

    /** The pod's own restart policy: ExitCode is handled by the operator, so the kubelet must never restart. */
    public static String podRestartPolicy(String replicaPolicy) {
        return EXIT_CODE.equals(replicaPolicy) ? NEVER : replicaPolicy;
    }

    /** Whether a Failed pod of this policy is deleted and recreated. */
    public static boolean restartsFailedPod(String replicaPolicy, int exitCode) {
        return ON_FAILURE.equals(replicaPolicy) || ALWAYS.equals(replicaPolicy)
                || (EXIT_CODE.equals(replicaPolicy) && isRetryable(exitCode));
    }
}
