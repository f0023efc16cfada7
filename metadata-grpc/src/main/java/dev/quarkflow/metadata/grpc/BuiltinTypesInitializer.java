package dev.quarkflow.metadata.grpc;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.quarkflow.metadata.store.TypeStore;
import io.quarkus.runtime.StartupEvent;

/** Creates the built-in system types at every start, as upstream does when it connects to a store. */
@Singleton
public class BuiltinTypesInitializer {

    @Inject
    TypeStore types;

    @Inject
    ConflictRetry retry;

    void onStart(@Observes StartupEvent event) {
        retry.run("builtin types", () -> {
            types.ensureBuiltins();
            return null;
        });
    }
}
