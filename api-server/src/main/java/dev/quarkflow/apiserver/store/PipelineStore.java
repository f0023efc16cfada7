package dev.quarkflow.apiserver.store;

import static dev.quarkflow.apiserver.list.ResourceModel.Column.seconds;
import static dev.quarkflow.apiserver.list.ResourceModel.Column.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.ListQuery;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.list.ResourceModel;

/** Pipelines and their versions. Callers hold the transaction. */
@ApplicationScoped
public class PipelineStore {

    static final ResourceModel PIPELINES = new ResourceModel("PipelineEntity", Map.of(
            "pipeline_id", text("id"), "id", text("id"), "name", text("name"), "display_name", text("displayName"),
            "created_at", seconds("createdAt"), "description", text("description"), "namespace",
            text("namespace")), true);
    static final ResourceModel VERSIONS = new ResourceModel("PipelineVersionEntity", Map.of(
            "pipeline_version_id", text("id"), "id", text("id"), "name", text("name"), "display_name",
            text("displayName"), "created_at", seconds("createdAt"), "description", text("description")), true);

    private final Database database;

    PipelineStore(Database database) {
        this.database = database;
    }

    public Optional<PipelineEntity> find(String id) {
        return Optional.ofNullable(database.session().find(PipelineEntity.class, id));
    }

    public Optional<PipelineEntity> findByName(String namespace, String name) {
        return database.session()
                .createSelectionQuery("from PipelineEntity where namespace = :ns and name = :name",
                        PipelineEntity.class)
                .setParameter("ns", namespace).setParameter("name", name).uniqueResultOptional();
    }

    public Page<PipelineEntity> list(String namespace, ListParams params) {
        ListQuery.Plan plan = ListQuery.plan(PIPELINES, params, "e.namespace = :ns", Map.of("ns", namespace));
        return PageReader.read(database.session(), plan, PipelineEntity.class, p -> p.id);
    }

    public void persist(Object entity) {
        database.session().persist(entity);
        database.session().flush();
    }

    public void delete(PipelineEntity pipeline) {
        database.session().remove(pipeline);
    }

    public Optional<PipelineVersionEntity> findVersion(String id) {
        return Optional.ofNullable(database.session().find(PipelineVersionEntity.class, id));
    }

    public Optional<PipelineVersionEntity> findVersionByName(String pipelineId, String name) {
        return database.session()
                .createSelectionQuery("from PipelineVersionEntity where pipelineId = :p and name = :name",
                        PipelineVersionEntity.class)
                .setParameter("p", pipelineId).setParameter("name", name).uniqueResultOptional();
    }

    /** Upstream's "latest version": newest created_at, ties by id descending. */
    public Optional<PipelineVersionEntity> latestVersion(String pipelineId) {
        return database.session()
                .createSelectionQuery("from PipelineVersionEntity where pipelineId = :p order by createdAt desc,"
                        + " id desc", PipelineVersionEntity.class)
                .setParameter("p", pipelineId).setMaxResults(1).uniqueResultOptional();
    }

    public List<PipelineVersionEntity> versions(String pipelineId, int limit) {
        return database.session()
                .createSelectionQuery("from PipelineVersionEntity where pipelineId = :p order by createdAt, id",
                        PipelineVersionEntity.class)
                .setParameter("p", pipelineId).setMaxResults(limit).getResultList();
    }

    public Page<PipelineVersionEntity> listVersions(String pipelineId, ListParams params) {
        ListQuery.Plan plan = ListQuery.plan(VERSIONS, params, "e.pipelineId = :pipelineId",
                Map.of("pipelineId", pipelineId));
        return PageReader.read(database.session(), plan, PipelineVersionEntity.class, v -> v.id);
    }

    public void deleteVersion(PipelineVersionEntity version) {
        database.session().remove(version);
    }

    public void flush() {
        database.session().flush();
    }
}
