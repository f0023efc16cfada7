package dev.quarkflow.katib.controller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.quarkflow.katib.controller.local.InTestEarlyStoppingServer;
import dev.quarkflow.katib.controller.local.InTestSuggestionServer;
import dev.quarkflow.proto.katib.ComparisonType;
import dev.quarkflow.proto.katib.EarlyStoppingRule;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A random Suggestion service and an EarlyStopping service whose rule is "stop when the best loss is still above 1.0
 * at its second report", both on free ports; the test reaches the early-stopping one through {@link #EARLY_STOPPING}.
 */
public class EarlyStoppingServersResource implements QuarkusTestResourceLifecycleManager {

    static InTestEarlyStoppingServer EARLY_STOPPING;
    private InTestSuggestionServer suggestions;

    @Override
    public Map<String, String> start() {
        try {
            suggestions = new InTestSuggestionServer();
            EARLY_STOPPING = new InTestEarlyStoppingServer(EarlyStoppingRule.newBuilder().setName("loss")
                    .setValue("1.0").setComparison(ComparisonType.GREATER).setStartStep(2).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkflow.katib-controller.suggestion-address", suggestions.address(),
                "quarkflow.katib-controller.early-stopping-address", EARLY_STOPPING.address(),
                "quarkflow.katib-controller.db-manager.service-ip", "db-manager",
                "quarkflow.katib-controller.db-manager.service-namespace", "test",
                "quarkflow.katib-controller.db-manager.service-port", "6790");
    }

    @Override
    public void stop() {
        try {
            suggestions.close();
            EARLY_STOPPING.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
