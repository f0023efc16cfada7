package dev.quarkflow.apiserver.local;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.store.RunEntity;
import dev.quarkflow.apiserver.store.RunStore;
import dev.quarkflow.apiserver.store.StateChange;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test access to the backend's restart handling: a run as an earlier process would have left it. */
@ApplicationScoped
public class LocalRunBackendProbe {

    private final LocalRunBackend backend;
    private final RunStore store;

    LocalRunBackendProbe(LocalRunBackend backend, RunStore store) {
        this.backend = backend;
        this.store = store;
    }

    public String storeOrphan(String state) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            RunEntity run = new RunEntity();
            run.id = id;
            run.displayName = "orphan";
            run.storageState = "AVAILABLE";
            run.state = state;
            run.createdAt = 1;
            run.scheduledAt = 1;
            run.experimentId = "orphans";
            run.namespace = "";
            run.source.kind = "SPEC";
            run.source.pipelineSpec = "{}";
            run.source.serviceAccount = "pipeline-runner";
            run.stateHistory.add(new StateChange(1, state, null));
            store.persist(run);
        });
        return id;
    }

    public void failOrphans() {
        backend.failOrphans();
    }
}
