package dev.quarkflow.apiserver.backend;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.apiserver.store.RunStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Hands runs to the configured {@link RunBackend} once the transaction that changed them has committed, and again
 * at start-up for runs still PENDING. With no backend of the configured name, runs simply stay PENDING.
 */
@ApplicationScoped
public class RunDispatcher {

    private static final Logger LOG = Logger.getLogger(RunDispatcher.class);
    private static final int RESUBMIT_BATCH = 1000;

    private final Optional<RunBackend> backend;
    private final RunStore store;
    private final TransactionSynchronizationRegistry transactions;

    RunDispatcher(@Any Instance<RunBackend> backends, ApiServerConfig config, RunStore store,
            TransactionSynchronizationRegistry transactions) {
        this.backend = backends.stream().filter(b -> b.name().equals(config.runBackend())).findFirst();
        this.store = store;
        this.transactions = transactions;
        if (backend.isEmpty()) {
            LOG.infof("no run backend named %s is installed; runs stay PENDING", config.runBackend());
        }
    }

    /** After the current transaction commits, submits (or retries) the run. */
    public void queue(RunSubmission run, boolean retry) {
        afterCommit(b -> {
            if (retry) {
                b.retry(run);
            } else {
                b.submit(run);
            }
        });
    }

    /** After the current transaction commits, asks the backend to stop the run. */
    public void cancel(String runId) {
        afterCommit(b -> b.cancel(runId));
    }

    void onStart(@Observes StartupEvent event) {
        if (backend.isEmpty()) {
            return;
        }
        List<RunSubmission> pending = QuarkusTransaction.requiringNew()
                .call(() -> store.inStates(List.of("PENDING"), RESUBMIT_BATCH).stream()
                        .map(RunSubmissions::from).toList());
        pending.forEach(run -> backend.get().submit(run));
    }

    private void afterCommit(Consumer<RunBackend> action) {
        if (backend.isEmpty()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.accept(backend.get());
                }
            }
        });
    }

}
