package dev.quarkflow.apiserver.store;

import static dev.quarkflow.apiserver.list.ResourceModel.Column.seconds;
import static dev.quarkflow.apiserver.list.ResourceModel.Column.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.apiserver.list.ListQuery;
import dev.quarkflow.apiserver.list.Page;
import dev.quarkflow.apiserver.list.ResourceModel;

/** Runs (and the recurring runs an archived experiment disables). Callers hold the transaction. */
@ApplicationScoped
public class RunStore {

    static final ResourceModel RUNS = new ResourceModel("RunEntity", Map.ofEntries(
            Map.entry("run_id", text("id")), Map.entry("id", text("id")),
            Map.entry("display_name", text("displayName")), Map.entry("name", text("displayName")),
            Map.entry("created_at", seconds("createdAt")), Map.entry("finished_at", seconds("finishedAt")),
            Map.entry("scheduled_at", seconds("scheduledAt")), Map.entry("description", text("description")),
            Map.entry("storage_state", text("storageState")), Map.entry("state", text("state")),
            Map.entry("namespace", text("namespace")), Map.entry("experiment_id", text("experimentId")),
            Map.entry("recurring_run_id", text("recurringRunId"))), false);

    static final ResourceModel RECURRING_RUNS = new ResourceModel("RecurringRunEntity", Map.ofEntries(
            Map.entry("recurring_run_id", text("id")), Map.entry("id", text("id")),
            Map.entry("display_name", text("displayName")), Map.entry("name", text("displayName")),
            Map.entry("created_at", seconds("createdAt")), Map.entry("updated_at", seconds("updatedAt")),
            Map.entry("description", text("description")), Map.entry("namespace", text("namespace")),
            Map.entry("experiment_id", text("experimentId"))), false);

    private final Database database;

    RunStore(Database database) {
        this.database = database;
    }

    public Optional<RunEntity> find(String id) {
        return Optional.ofNullable(database.session().find(RunEntity.class, id));
    }

    public Page<RunEntity> list(Optional<String> namespace, Optional<String> experimentId, ListParams params) {
        return PageReader.read(database.session(), plan(RUNS, namespace, experimentId, params), RunEntity.class,
                r -> r.id);
    }

    public Optional<RecurringRunEntity> findRecurring(String id) {
        return Optional.ofNullable(database.session().find(RecurringRunEntity.class, id));
    }

    public Page<RecurringRunEntity> listRecurring(Optional<String> namespace, Optional<String> experimentId,
            ListParams params) {
        return PageReader.read(database.session(), plan(RECURRING_RUNS, namespace, experimentId, params),
                RecurringRunEntity.class, r -> r.id);
    }

    /** Ids of the enabled recurring runs, for the scheduler. */
    public List<String> enabledRecurringIds() {
        return database.session()
                .createSelectionQuery("select id from RecurringRunEntity where enabled = true order by createdAt",
                        String.class)
                .getResultList();
    }

    /** How many runs of a recurring run are not finished (its max_concurrency bound). */
    public long activeRunsOf(String recurringRunId, List<String> activeStates) {
        return database.session()
                .createSelectionQuery("select count(*) from RunEntity where recurringRunId = :r and state in (:s)",
                        Long.class)
                .setParameter("r", recurringRunId).setParameterList("s", activeStates).getSingleResult();
    }

    public void persist(Object entity) {
        database.session().persist(entity);
        database.session().flush();
    }

    public void delete(Object entity) {
        database.session().remove(entity);
    }

    /** Archives every run of an experiment (upstream archives them with the experiment). */
    public int archiveRunsOf(String experimentId) {
        return database.session()
                .createMutationQuery("update RunEntity set storageState = 'ARCHIVED' where experimentId = :e")
                .setParameter("e", experimentId).executeUpdate();
    }

    /** Runs in the given states, oldest first, for the run dispatcher after a restart. */
    public List<RunEntity> inStates(List<String> states, int limit) {
        return database.session()
                .createSelectionQuery("from RunEntity where state in (:states) order by createdAt, id",
                        RunEntity.class)
                .setParameterList("states", states).setMaxResults(limit).getResultList();
    }

    public int disableRecurringOf(String experimentId, long now) {
        return database.session()
                .createMutationQuery("update RecurringRunEntity set enabled = false, updatedAt = :now where"
                        + " experimentId = :e")
                .setParameter("e", experimentId).setParameter("now", now).executeUpdate();
    }

    private static ListQuery.Plan plan(ResourceModel model, Optional<String> namespace, Optional<String> experimentId,
            ListParams params) {
        List<String> scope = new ArrayList<>();
        Map<String, Object> bound = new HashMap<>();
        namespace.ifPresent(ns -> {
            scope.add("e.namespace = :ns");
            bound.put("ns", ns);
        });
        experimentId.ifPresent(id -> {
            scope.add("e.experimentId = :experimentId");
            bound.put("experimentId", id);
        });
        return ListQuery.plan(model, params, String.join(" and ", scope), bound);
    }
}
