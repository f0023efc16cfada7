package dev.quarkflow.pipelineengine.domain;

import static dev.quarkflow.pipelineengine.domain.ScriptedRun.succeed;
import static dev.quarkflow.pipelineengine.domain.ScriptedRun.succeedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

class RunInterpreterTest {

    @Test
    void runsSingleTask_toSucceeded() {
        ScriptedRun run = ScriptedRun.of("hello_world.yaml").start();

        run.runToEnd(succeed());

        assertThat(run.launchedNames()).containsExactly("echo");
        assertSucceeded(run);
        assertThat(run.commands).first().isEqualTo(new EngineCommand.RunChanged(RunState.RUNNING, null));
        assertThat(run.commands).last().isEqualTo(new EngineCommand.RunChanged(RunState.SUCCEEDED, null));
    }

    @Test
    void startsDependentTask_onlyAfterItsProducer_andPassesTheOutput() {
        ScriptedRun run = ScriptedRun.of("critical/producer_consumer_param_pipeline.yaml").start();
        assertThat(run.running()).extracting(ExecutorTask::taskName).containsExactly("producer");

        run.finishNext(succeedWith(Map.of("producer", Map.of("output_value", Values.of("made")))));

        assertThat(run.running()).extracting(ExecutorTask::taskName).containsExactly("consumer");
        assertThat(run.running().get(0).inputParameters()).containsEntry("input_value", Values.of("made"));
    }

    @Test
    void runsOnlyTheBranchesWhoseConditionHolds() {
        ScriptedRun run = ScriptedRun.of("critical/flip_coin.yaml").start();

        run.runToEnd(succeedWith(Map.of("flip-coin", Map.of("Output", Values.of("heads")),
                "random-num", Map.of("Output", Values.of(7)))));

        assertThat(run.launchedNames()).containsExactlyInAnyOrder("flip-coin", "random-num", "print-msg");
        assertThat(run.state("condition-4")).isEqualTo(TaskState.SKIPPED);
        assertThat(run.state("condition-1/condition-3")).isEqualTo(TaskState.SKIPPED);
        assertThat(run.state("condition-1/condition-2/print-msg")).isEqualTo(TaskState.SUCCEEDED);
        assertSucceeded(run);
    }

    @Test
    void oneOf_takesTheOutputOfTheBranchThatRan() {
        ScriptedRun run = ScriptedRun.of("if_else_with_oneof_parameters.yaml").start();

        run.runToEnd(succeedWith(Map.of("flip-coin", Map.of("Output", Values.of("tails")),
                "print-and-return-2", Map.of("Output", Values.of("Got tails!")))));

        assertThat(run.state("condition-branches-1/condition-2")).isEqualTo(TaskState.SKIPPED);
        assertThat(run.interpreter.outputParameters()).containsEntry("Output", Values.of("Got tails!"));
        ExecutorTask consumer = run.launched.stream().filter(t -> t.taskName().equals("print-and-return-3"))
                .findFirst().orElseThrow();
        assertThat(consumer.inputParameters().values()).contains(Values.of("Got tails!"));
    }

    @Test
    void loops_runEveryItem_andCollectOutputsInItemOrder() {
        ScriptedRun run = ScriptedRun.of("parameters_complex.yaml").start();

        run.runToEnd(task -> {
            Map<String, Value> inputs = task.inputParameters();
            double n = inputs.values().stream().filter(Value::hasNumberValue).mapToDouble(Value::getNumberValue)
                    .sum();
            return succeedWith(Map.of(task.taskName(), Map.of("Output", Values.of(n * 2)))).apply(task);
        });

        assertSucceeded(run);
        assertThat(run.launchedNames()).filteredOn("double"::equals).hasSize(3);
        assertThat(run.launchedNames()).filteredOn("double-2"::equals).hasSize(9);
        TaskSnapshot loop = run.interpreter.task("for-loop-2").orElseThrow();
        assertThat(loop.iterationCount()).isEqualTo(3);
        assertThat(loop.outputParameters().get("pipelinechannel--double-Output"))
                .isEqualTo(Values.list(List.of(Values.of(2), Values.of(4), Values.of(6))));
        // nested Collected: one list per outer iteration
        assertThat(loop.outputParameters().get("pipelinechannel--double-2-Output").getListValue().getValuesList())
                .hasSize(3).allSatisfy(inner -> assertThat(inner.getListValue().getValuesCount()).isEqualTo(3));
        assertThat(run.state("for-loop-2/iteration-1/for-loop-4/iteration-2/double-2"))
                .isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void loops_honourParallelismLimit_overAnInputList() {
        Value items = Values.list(List.of(Values.of("a"), Values.of("b"), Values.of("c")));
        ScriptedRun run = ScriptedRun.of("pipeline_with_parallelfor_pipeline_param.yaml",
                Map.of("loop_parameter", items, "prefix", Values.of("p"))).start();

        run.runToEnd(succeed());

        assertSucceeded(run);
        assertThat(run.peakRunningByPrefix).containsEntry("for-loop-1/", 1).containsEntry("for-loop-2/", 3)
                .containsEntry("for-loop-4/", 2);
        assertThat(run.launchedNames()).filteredOn("print-with-prefix-3"::equals).hasSize(6);
        ExecutorTask first = run.launched.stream().filter(t -> t.taskId().equals("for-loop-1/iteration-0/print-with-prefix"))
                .findFirst().orElseThrow();
        assertThat(first.inputParameters()).containsEntry("item", Values.of("a"));
    }

    @Test
    void missingRequiredRunParameter_failsTheRun_namingIt() {
        ScriptedRun run = ScriptedRun.of("pipeline_with_parallelfor_pipeline_param.yaml").start();

        assertThat(run.interpreter.runState()).isEqualTo(RunState.FAILED);
        assertThat(run.interpreter.runError()).get().asString().contains("loop_parameter");
        assertThat(run.launched).isEmpty();
    }

    @Test
    void exitHandler_runsAfterAFailure_withTheFinalStatus_andTheRunFails() {
        ScriptedRun run = ScriptedRun.of("pipeline_with_task_final_status.yaml").start();

        run.runToEnd(task -> task.taskName().equals("fail-op") ? ExecutorResult.failed("exit code 1") : succeed().apply(task));

        assertThat(run.state("exit-handler-1")).isEqualTo(TaskState.FAILED);
        ExecutorTask exit = run.launched.stream().filter(t -> t.taskName().equals("exit-op")).findFirst().orElseThrow();
        var status = exit.inputParameters().get("status").getStructValue().getFieldsMap();
        assertThat(status.get("state").getStringValue()).isEqualTo("FAILED");
        assertThat(status.get("pipelineTaskName").getStringValue()).isEqualTo("my-pipeline");
        assertThat(status.get("error").getStructValue().getFieldsMap().get("message").getStringValue())
                .contains("fail-op").contains("exit code 1");
        assertThat(run.state("exit-op")).isEqualTo(TaskState.SUCCEEDED);
        assertThat(run.interpreter.runState()).isEqualTo(RunState.FAILED);
    }

    @Test
    void failedTask_omitsItsDependents_butIgnoreUpstreamFailureTasksRun() {
        ScriptedRun run = ScriptedRun.of("local_execution/local_execution_pipeline_with_ignore_upstream_failure.yaml",
                Map.of("marker_path", Values.of("/tmp/m"))).start();

        run.runToEnd(task -> task.taskName().equals("fail-always") ? ExecutorResult.failed("boom")
                : succeed().apply(task));

        assertThat(run.launchedNames()).containsExactly("fail-always", "write-marker");
        assertThat(run.state("write-marker")).isEqualTo(TaskState.SUCCEEDED);
        assertThat(run.interpreter.runState()).isEqualTo(RunState.FAILED);
    }

    @Test
    void dependentOfFailedTask_isUpstreamFailed() {
        ScriptedRun run = ScriptedRun.of("critical/producer_consumer_param_pipeline.yaml").start();

        run.runToEnd(task -> ExecutorResult.failed("no"));

        assertThat(run.state("consumer")).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(run.interpreter.task("consumer").orElseThrow().error()).contains("producer");
        assertThat(run.interpreter.runError()).get().asString().contains("producer").contains("no");
    }

    @Test
    void retries_untilMaxRetryCount_withBackoff() {
        ScriptedRun run = ScriptedRun.of("critical/pipeline_with_retry.yaml").start();

        run.runToEnd(task -> ExecutorResult.failed("attempt " + task.attempt()));

        assertThat(run.launched).extracting(ExecutorTask::attempt).containsExactly(1, 2, 3, 4);
        assertThat(run.commands).filteredOn(EngineCommand.ScheduleRetry.class::isInstance).hasSize(3);
        assertThat(run.state("add")).isEqualTo(TaskState.FAILED);
        assertThat(run.interpreter.task("add").orElseThrow().error()).isEqualTo("attempt 4");
    }

    @Test
    void retry_succeedsOnALaterAttempt() {
        ScriptedRun run = ScriptedRun.of("critical/pipeline_with_retry.yaml").start();

        run.runToEnd(task -> task.attempt() < 3 ? ExecutorResult.failed("flaky") : succeed().apply(task));

        assertThat(run.state("add")).isEqualTo(TaskState.SUCCEEDED);
        assertThat(run.interpreter.task("add").orElseThrow().attempt()).isEqualTo(3);
        assertSucceeded(run);
    }

    @Test
    void retryDelay_growsByFactor_andIsCapped() {
        var policy = dev.quarkflow.proto.pipelinespec.PipelineTaskSpec.RetryPolicy.newBuilder()
                .setBackoffDuration(com.google.protobuf.Duration.newBuilder().setSeconds(2))
                .setBackoffFactor(3).setBackoffMaxDuration(com.google.protobuf.Duration.newBuilder().setSeconds(30))
                .build();

        assertThat(RunInterpreter.retryDelay(policy, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RunInterpreter.retryDelay(policy, 1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(RunInterpreter.retryDelay(policy, 2)).isEqualTo(Duration.ofSeconds(18));
        assertThat(RunInterpreter.retryDelay(policy, 3)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void importer_resolvesWithoutAProcess_andFeedsItsConsumer() {
        ScriptedRun run = ScriptedRun.of("pipeline_with_importer.yaml").start();

        run.runToEnd(succeedWith(Map.of("train", Map.of("scalar", Values.of("123")))));

        TaskSnapshot importer = run.interpreter.task("importer").orElseThrow();
        assertThat(importer.kind()).isEqualTo(TaskKind.IMPORTER);
        RuntimeArtifact artifact = importer.outputArtifacts().get("artifact").get(0);
        assertThat(artifact.getUri()).isEqualTo("gs://ml-pipeline-playground/shakespeare1.txt");
        assertThat(artifact.getType().getSchemaTitle()).isEqualTo("system.Dataset");
        ExecutorTask train = run.launched.stream().filter(t -> t.taskName().equals("train")).findFirst().orElseThrow();
        assertThat(train.inputArtifacts().get("dataset")).containsExactly(artifact);
        assertThat(run.interpreter.task("condition-1/importer-2").orElseThrow().outputArtifacts().get("artifact")
                .get(0).getUri()).isEqualTo("gs://ml-pipeline-playground/shakespeare2.txt");
        assertSucceeded(run);
    }

    @Test
    void nestedPipeline_exposesItsOutputs() {
        ScriptedRun run = ScriptedRun.of("pythonic_artifacts_with_multiple_returns.yaml").start();

        run.runToEnd(succeed());

        assertSucceeded(run);
        assertThat(run.interpreter.outputArtifacts()).isNotEmpty();
        assertThat(run.interpreter.outputArtifacts().values()).allSatisfy(list -> assertThat(list).hasSize(1));
    }

    @Test
    void fstringConstants_andSystemPlaceholders_areResolvedInInputs() {
        ScriptedRun run = ScriptedRun.of("critical/pipeline_with_placeholders.yaml").start();

        run.runToEnd(succeed());

        Map<String, Value> inputs = run.launched.get(0).inputParameters();
        assertThat(inputs.values()).contains(Values.of("my run"), Values.of("my-run-resource"), Values.of("run-1"));
        assertThat(inputs.values()).noneMatch(v -> v.getStringValue().contains("{{$"));
    }

    @Test
    void cancel_stopsRunningTasks_cancelsPendingOnes_andEndsCanceled() {
        ScriptedRun run = ScriptedRun.of("critical/producer_consumer_param_pipeline.yaml").start();

        run.handle(run.interpreter.cancel());

        assertThat(run.commands).contains(new EngineCommand.StopExecutor("producer"));
        assertThat(run.state("producer")).isEqualTo(TaskState.CANCELED);
        assertThat(run.state("consumer")).isEqualTo(TaskState.CANCELED);
        assertThat(run.interpreter.runState()).isEqualTo(RunState.CANCELED);
        assertThat(run.commands).filteredOn(EngineCommand.RunChanged.class::isInstance)
                .extracting(c -> ((EngineCommand.RunChanged) c).state())
                .containsExactly(RunState.RUNNING, RunState.CANCELING, RunState.CANCELED);
    }

    @Test
    void deadline_failsTheRun() {
        ScriptedRun run = ScriptedRun.of("critical/producer_consumer_param_pipeline.yaml").start();

        run.handle(run.interpreter.onDeadlineExceeded());

        assertThat(run.interpreter.runState()).isEqualTo(RunState.FAILED);
        assertThat(run.interpreter.runError()).contains("run exceeded its deadline");
    }

    @Test
    void cachedResult_isReportedAsCached() {
        ScriptedRun run = ScriptedRun.of("hello_world.yaml").start();

        run.runToEnd(task -> ExecutorResult.cached(Map.of(), Map.of()));

        assertThat(run.state("echo")).isEqualTo(TaskState.CACHED);
        assertThat(TaskState.CACHED.runtimeState().name()).isEqualTo("SKIPPED");
        assertSucceeded(run);
    }

    @Test
    void loopOverUpstreamOutput_withDictItems_selectsFields() {
        ScriptedRun run = ScriptedRun.of("pipeline_with_parallelfor_parallelism.yaml",
                Map.of("loop_parameter", Values.list(List.of(Values.of("x"), Values.of("y"))))).start();

        Value dicts = Values.parseValue("[{\"a\": 1, \"b\": 2}, {\"a\": 3, \"b\": 4}]");
        run.runToEnd(task -> task.taskName().startsWith("list-dict-maker")
                ? succeedWith(Map.of(task.taskName(), Map.of("Output", task.taskName().endsWith("3")
                        ? Values.of(Values.json(dicts))
                        : dicts))).apply(task)
                : succeed().apply(task));

        assertSucceeded(run);
        assertThat(run.peakRunningByPrefix.get("for-loop-1/")).isLessThanOrEqualTo(2);
        assertThat(run.launched).filteredOn(t -> t.taskName().equals("print-int-6"))
                .extracting(t -> t.inputParameters().get("x")).containsExactly(Values.of(1), Values.of(3));
    }

    private static void assertSucceeded(ScriptedRun run) {
        assertThat(run.interpreter.runState()).as(run.interpreter.runError().orElse("")).isEqualTo(RunState.SUCCEEDED);
    }
}
