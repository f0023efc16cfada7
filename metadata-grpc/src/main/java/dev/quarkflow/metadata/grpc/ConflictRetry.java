package dev.quarkflow.metadata.grpc;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.PessimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.config.MetadataConfig;

/**
 * Runs one RPC's transaction, again when a concurrent writer won a uniqueness race or a lock: the retry sees the
 * winner's row (a type put then returns its id, a named create answers ALREADY_EXISTS). Still losing after the
 * configured retries answers ABORTED, which upstream clients retry.
 */
@ApplicationScoped
public class ConflictRetry {

    private static final Logger LOG = Logger.getLogger(ConflictRetry.class);

    @Inject
    MetadataConfig config;

    public <T> T run(String rpc, Supplier<T> transaction) {
        for (int attempt = 0;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt >= config.conflictRetries()) {
                    throw QuarkflowException.aborted(null, rpc + " lost a race with a concurrent write; retry");
                }
                LOG.debugf("concurrent write conflict rpc=%s attempt=%d", rpc, attempt + 1);
            }
        }
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException
                    || cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
