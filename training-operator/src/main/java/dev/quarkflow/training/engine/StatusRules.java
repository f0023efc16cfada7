package dev.quarkflow.training.engine;

import dev.quarkflow.training.api.KubeflowJob;
import dev.quarkflow.training.api.ReplicaStatus;

/** Status rules several kinds share, worded like upstream's controllers. */
public final class StatusRules {

    private StatusRules() {
    }

    /**
     * PyTorch/JAX/Paddle failure rule: failed pods while fewer than all replicas are active or done mean Restarting,
     * or Failed when the replica type never restarts.
     */
    public static void restartOrFail(JobView<? extends KubeflowJob<?>> view, StatusEditor editor, String kind,
            String type) {
        ReplicaStatus counts = editor.counts(type);
        int replicas = view.replicas(type);
        if (counts.getFailed() > 0 && replicas > counts.getSucceeded() + counts.getActive()) {
            String policy = view.specs().get(type).getRestartPolicy();
            if (!RestartPolicies.NEVER.equals(policy)) {
                editor.restarting(kind + " " + view.name() + " is restarting because " + counts.getFailed() + " " + type
                        + " replica(s) failed.");
            } else {
                editor.failed(kind + " " + view.name() + " is failed because " + counts.getFailed() + " " + type
                        + " replica(s) failed.");
            }
        }
    }

    /** All replicas of the type succeeded. */
    public static boolean allSucceeded(JobView<? extends KubeflowJob<?>> view, StatusEditor editor, String type) {
        return view.replicas(type) - editor.counts(type).getSucceeded() == 0;
    }
}
