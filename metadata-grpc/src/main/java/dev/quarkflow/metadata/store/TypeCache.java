package dev.quarkflow.metadata.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.quarkflow.metadata.domain.TypeDef;

/**
 * Type definitions by id, as node writes and reads need them: a type's id, kind and name never change, and its
 * properties only grow (Put*Type with can_add_fields). A cached definition may therefore accept a node property
 * but never reject one (the caller reloads it first), and serves type names as they are. Only what a transaction
 * that wrote no type has read is cached (so nothing a rollback undoes), and every type write in this process
 * empties the cache. Another replica's additions are found by the reload on a missing property.
 */
@ApplicationScoped
public class TypeCache {

    private static final String TYPES_WRITTEN = TypeCache.class.getName() + ".typesWritten";

    private final Map<Long, TypeDef> byId = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    Optional<TypeDef> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Remembers a definition read from the database, unless this transaction wrote types. */
    void remember(TypeDef type) {
        if (transactions.getResource(TYPES_WRITTEN) == null) {
            byId.put(type.id(), type);
        }
    }

    /** Called by every type write: empties the cache and keeps this transaction's reads out of it. */
    void typesWritten() {
        transactions.putResource(TYPES_WRITTEN, Boolean.TRUE);
        byId.clear();
    }
}
