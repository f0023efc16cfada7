package dev.quarkflow.pipelineengine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskKind;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.domain.TaskState;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;

class LineageQueueTest {

    /** Records what reached it, in order. */
    static final class Calls implements LineageRecorder {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunInfo run) {
            calls.add("run started");
        }

        @Override
        public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
            calls.add(task.taskId() + " " + task.state());
        }

        @Override
        public void runFinished(String runId, RunState state) {
            calls.add("run " + state);
        }
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Calls recorder = new Calls();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aTaskThatEndsWhileItsStartIsHeld_isWrittenOnce_andTheOrderStays() throws Exception {
        LineageQueue queue = new LineageQueue("r1", recorder, pool, Duration.ofHours(1));
        queue.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root"));
        queue.taskChanged(task("root", TaskKind.DAG, TaskState.RUNNING), null);
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null);
        queue.flush();
        queue.taskChanged(task("b", TaskKind.CONTAINER, TaskState.RUNNING), null);
        queue.flush();
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.SUCCEEDED), null);
        queue.taskChanged(task("b", TaskKind.CONTAINER, TaskState.FAILED), null);
        queue.taskChanged(task("root", TaskKind.DAG, TaskState.FAILED), null);
        queue.runFinished(RunState.FAILED);
        queue.flush();

        queue.recorded().get(30, TimeUnit.SECONDS);
        assertThat(recorder.calls).containsExactly("run started", "root RUNNING", "a SUCCEEDED", "b FAILED",
                "root FAILED", "run FAILED");
    }

    @Test
    void aStartIsWrittenOnItsOwn_onceTheHoldIsOver() throws Exception {
        LineageQueue queue = new LineageQueue("r1", recorder, pool, Duration.ofMillis(50));
        queue.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root"));
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null);
        queue.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.calls.contains("a RUNNING"));

        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.SUCCEEDED), null);
        queue.runFinished(RunState.SUCCEEDED);
        queue.flush();
        queue.recorded().get(30, TimeUnit.SECONDS);
        assertThat(recorder.calls).containsExactly("run started", "a RUNNING", "a SUCCEEDED", "run SUCCEEDED");
    }

    private static TaskSnapshot task(String id, TaskKind kind, TaskState state) {
        return new TaskSnapshot(id, id.equals("root") ? null : "root", id, id, "uuid-" + id, kind, "comp", "exec",
                state, 1, -1, -1, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }
}
