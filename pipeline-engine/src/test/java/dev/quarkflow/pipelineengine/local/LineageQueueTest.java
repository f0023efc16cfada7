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
        queue.taskChanged(task("root", TaskKind.DAG, TaskState.RUNNING), null, true);
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null, true);
        queue.flush();
        queue.taskChanged(task("b", TaskKind.CONTAINER, TaskState.RUNNING), null, true);
        queue.flush();
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.SUCCEEDED), null, false);
        queue.taskChanged(task("b", TaskKind.CONTAINER, TaskState.FAILED), null, false);
        queue.taskChanged(task("root", TaskKind.DAG, TaskState.FAILED), null, false);
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
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null, true);
        queue.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.calls.contains("a RUNNING"));

        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.SUCCEEDED), null, false);
        queue.runFinished(RunState.SUCCEEDED);
        queue.flush();
        queue.recorded().get(30, TimeUnit.SECONDS);
        assertThat(recorder.calls).containsExactly("run started", "a RUNNING", "a SUCCEEDED", "run SUCCEEDED");
    }

    @Test
    void aContainersStartWaitsForItsProcess_thenForTheHoldOnly() throws Exception {
        LineageQueue queue = new LineageQueue("r1", recorder, pool, Duration.ofMillis(1));
        queue.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root"));
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null, false);
        queue.taskChanged(task("root", TaskKind.DAG, TaskState.RUNNING), null, false);
        queue.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.calls.contains("run started"));
        Thread.sleep(300); // far longer than the 1 ms hold: only the missing process keeps the start back
        assertThat(recorder.calls).containsExactly("run started");

        queue.processStarted("a");
        queue.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.calls.contains("root RUNNING"));
        assertThat(recorder.calls).containsExactly("run started", "a RUNNING", "root RUNNING");
    }

    @Test
    void aCancelOrTheRunsEnd_releasesStartsThatWaitForAProcess() throws Exception {
        LineageQueue queue = new LineageQueue("r1", recorder, pool, Duration.ofHours(1));
        queue.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root"));
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.RUNNING), null, false);
        queue.taskChanged(task("b", TaskKind.CONTAINER, TaskState.RUNNING), null, false);
        queue.flush();
        queue.taskChanged(task("a", TaskKind.CONTAINER, TaskState.CANCELED), null, false);
        queue.flush();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recorder.calls.contains("a RUNNING"));
        Thread.sleep(300); // the cancel is written in order: after b's start, which still waits for its process
        assertThat(recorder.calls).containsExactly("run started", "a RUNNING");

        queue.runFinished(RunState.FAILED); // e.g. an internal error ended the run: b never got its end
        queue.flush();
        queue.recorded().get(30, TimeUnit.SECONDS);
        assertThat(recorder.calls).containsExactly("run started", "a RUNNING", "b RUNNING", "a CANCELED",
                "run FAILED");
    }

    private static TaskSnapshot task(String id, TaskKind kind, TaskState state) {
        return new TaskSnapshot(id, id.equals("root") ? null : "root", id, id, "uuid-" + id, kind, "comp", "exec",
                state, 1, -1, -1, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }
}
