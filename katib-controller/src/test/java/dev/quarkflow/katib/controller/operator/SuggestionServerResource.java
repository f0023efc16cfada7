package dev.quarkflow.katib.controller.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.quarkflow.katib.controller.local.InTestSuggestionServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-test random Suggestion service for the reconcilers, on a free port. */
public class SuggestionServerResource implements QuarkusTestResourceLifecycleManager {

    private InTestSuggestionServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new InTestSuggestionServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkflow.katib-controller.suggestion-address", server.address());
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
