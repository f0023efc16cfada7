package dev.quarkflow.apiserver.store;

import static dev.quarkflow.apiserver.list.ResourceModel.Column.seconds;
import static dev.quarkflow.apiserver.list.ResourceModel.Column.text;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.ListQuery;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.list.ResourceModel;

/** Experiments and the Default experiment's id. Callers hold the transaction. */
@ApplicationScoped
public class ExperimentStore {

    static final ResourceModel EXPERIMENTS = new ResourceModel("ExperimentEntity", Map.of(
            "experiment_id", text("id"), "id", text("id"), "display_name", text("name"), "name", text("name"),
            "created_at", seconds("createdAt"), "last_run_created_at", seconds("lastRunCreatedAt"), "description",
            text("description"), "namespace", text("namespace"), "storage_state", text("storageState")), false);

    private final Database database;

    ExperimentStore(Database database) {
        this.database = database;
    }

    public Optional<ExperimentEntity> find(String id) {
        return Optional.ofNullable(database.session().find(ExperimentEntity.class, id));
    }

    public Optional<ExperimentEntity> findByName(String namespace, String name) {
        return database.session()
                .createSelectionQuery("from ExperimentEntity where namespace = :ns and name = :name",
                        ExperimentEntity.class)
                .setParameter("ns", namespace).setParameter("name", name).uniqueResultOptional();
    }

    public Page<ExperimentEntity> list(Optional<String> namespace, ListParams params) {
        ListQuery.Plan plan = namespace
                .map(ns -> ListQuery.plan(EXPERIMENTS, params, "e.namespace = :ns", Map.<String, Object> of("ns", ns)))
                .orElseGet(() -> ListQuery.plan(EXPERIMENTS, params, "", Map.of()));
        return PageReader.read(database.session(), plan, ExperimentEntity.class, e -> e.id);
    }

    public void persist(Object entity) {
        database.session().persist(entity);
        database.session().flush();
    }

    public void delete(ExperimentEntity experiment) {
        database.session().remove(experiment);
    }

    public Optional<String> defaultExperimentId() {
        return Optional.ofNullable(database.session().find(DefaultExperimentEntity.class, DefaultExperimentEntity.ROW))
                .map(row -> row.experimentId);
    }

    public void setDefaultExperimentId(String experimentId) {
        DefaultExperimentEntity row = database.session().find(DefaultExperimentEntity.class,
                DefaultExperimentEntity.ROW);
        if (row == null) {
            row = new DefaultExperimentEntity();
            row.experimentId = experimentId;
            database.session().persist(row);
        } else {
            row.experimentId = experimentId;
        }
        database.session().flush();
    }
}
