package dev.quarkflow.apiserver.local;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.apiserver.store.Database;
import dev.quarkflow.apiserver.store.TaskCacheEntity;
import dev.quarkflow.pipelineengine.cache.CacheStore;
import dev.quarkflow.pipelineengine.cache.CachedExecution;
import dev.quarkflow.proto.pipelinespec.ArtifactList;
import dev.quarkflow.proto.pipelinespec.ExecutorOutput;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The engine's cache index in the api-server's database, so that caching works across runs and restarts: the
 * newest successful execution per pipeline name and fingerprint (upstream's task records). Each call is its own
 * short transaction.
 */
@ApplicationScoped
public class DatabaseCacheStore implements CacheStore {

    private final Database database;
    private final Clock clock;

    DatabaseCacheStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<CachedExecution> find(String pipelineName, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("from TaskCacheEntity where pipelineName = :p and fingerprint = :f"
                        + " order by createdAt desc, id desc", TaskCacheEntity.class)
                .setParameter("p", pipelineName).setParameter("f", fingerprint).setMaxResults(1)
                .uniqueResultOptional().map(DatabaseCacheStore::execution));
    }

    @Override
    public void put(String pipelineName, String fingerprint, CachedExecution execution) {
        TaskCacheEntity entry = new TaskCacheEntity();
        entry.id = UUID.randomUUID().toString();
        entry.pipelineName = pipelineName;
        entry.fingerprint = fingerprint;
        entry.createdAt = clock.millis();
        entry.runId = execution.runId();
        entry.taskId = execution.taskId();
        entry.outputs = outputsJson(execution);
        QuarkusTransaction.requiringNew().run(() -> database.session().persist(entry));
    }

    static String outputsJson(CachedExecution execution) {
        ExecutorOutput.Builder outputs = ExecutorOutput.newBuilder().putAllParameterValues(
                execution.outputParameters());
        execution.outputArtifacts().forEach((name, artifacts) -> outputs.putArtifacts(name,
                ArtifactList.newBuilder().addAllArtifacts(artifacts).build()));
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(outputs);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static CachedExecution execution(TaskCacheEntity entry) {
        ExecutorOutput.Builder outputs = ExecutorOutput.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(entry.outputs, outputs);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored cache entry " + entry.id + " does not parse", e);
        }
        Map<String, List<dev.quarkflow.proto.pipelinespec.RuntimeArtifact>> artifacts = outputs.getArtifactsMap()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()
                        .getArtifactsList()));
        return new CachedExecution(entry.runId, entry.taskId, outputs.getParameterValuesMap(), artifacts);
    }
}
