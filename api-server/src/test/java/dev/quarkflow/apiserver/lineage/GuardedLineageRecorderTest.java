package dev.quarkflow.apiserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarkflow.pipelineengine.domain.RunState;
import dev.quarkflow.pipelineengine.domain.TaskSnapshot;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;

class GuardedLineageRecorderTest {

    /** Fails every call while {@code down}; records the calls it served. */
    static final class FlakyRecorder implements LineageRecorder {
        boolean down;
        final List<String> served = new ArrayList<>();

        @Override
        public void runStarted(RunInfo run) {
            serve("start " + run.runId());
        }

        @Override
        public void taskChanged(String runId, TaskSnapshot task, String cacheFingerprint) {
            serve("task " + runId);
        }

        @Override
        public void runFinished(String runId, RunState state) {
            serve("finish " + runId);
        }

        private void serve(String call) {
            if (down) {
                throw new IllegalStateException("UNAVAILABLE: connection refused");
            }
            served.add(call);
        }
    }

    private final FlakyRecorder mlmd = new FlakyRecorder();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final GuardedLineageRecorder guarded = new GuardedLineageRecorder(mlmd, "127.0.0.1:8080",
            Duration.ofSeconds(30), new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            });

    @Test
    void failedWrite_stopsLineageOfThatRun_withoutThrowing() {
        guarded.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root/p/r1"));
        mlmd.down = true;
        guarded.runFinished("r1", RunState.SUCCEEDED);
        mlmd.down = false;

        guarded.runStarted(new LineageRecorder.RunInfo("r2", "p", "/root/p/r2"));

        assertThat(mlmd.served).containsExactly("start r1");
        assertThat(guarded.skips("r2")).isTrue();
    }

    @Test
    void afterTheCoolDown_newRunsTryMlmdAgain() {
        mlmd.down = true;
        guarded.runStarted(new LineageRecorder.RunInfo("r1", "p", "/root/p/r1"));
        mlmd.down = false;
        now = now.plusSeconds(31);

        guarded.runStarted(new LineageRecorder.RunInfo("r2", "p", "/root/p/r2"));

        assertThat(mlmd.served).containsExactly("start r2");
        assertThat(guarded.skips("r1")).isTrue();
        assertThat(guarded.skips("r2")).isFalse();
    }
}
