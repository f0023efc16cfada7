package dev.quarkflow.pipelineengine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.pipelineengine.domain.CompiledPipeline;
import dev.quarkflow.pipelineengine.domain.Values;
import dev.quarkflow.proto.pipelinespec.ComponentRef;
import dev.quarkflow.proto.pipelinespec.ComponentSpec;
import dev.quarkflow.proto.pipelinespec.DagSpec;
import dev.quarkflow.proto.pipelinespec.PipelineInfo;
import dev.quarkflow.proto.pipelinespec.PipelineSpec;
import dev.quarkflow.proto.pipelinespec.PipelineTaskInfo;
import dev.quarkflow.proto.pipelinespec.PipelineTaskSpec;

/** Benchmark pipelines built as {@link PipelineSpec} protos: one no-op component, wired as a fan-out, chain or DAG. */
final class BenchmarkPipelines {

    /** What every task runs. */
    enum NoOp {
        /** {@code sh -c :}, a container task. */
        SHELL,
        /** A lightweight {@code @dsl.component} whose function does nothing, as the SDK compiles it. */
        PYTHON
    }

    static final String PYTHON_SCRIPT = "program_path=$(mktemp -d)\n\nprintf \"%s\" \"$0\" > "
            + "\"$program_path/ephemeral_component.py\"\n_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main"
            + " --component_module_path \"$program_path/ephemeral_component.py\" \"$@\"\n";
    static final String PYTHON_SOURCE = "\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\n"
            + "from typing import *\n\ndef noop():\n    pass\n\n";
    private static final String PIP_PRELUDE = "\nPIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet"
            + " --no-warn-script-location 'kfp==2.14.6' '--no-deps' && \"$0\" \"$@\"\n";

    private BenchmarkPipelines() {
    }

    /** {@code width} independent tasks. */
    static CompiledPipeline fanOut(NoOp noOp, int width) {
        List<List<Integer>> deps = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            deps.add(List.of());
        }
        return pipeline("fan-out", noOp, deps);
    }

    /** {@code length} tasks, each after the previous one. */
    static CompiledPipeline chain(NoOp noOp, int length) {
        List<List<Integer>> deps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            deps.add(i == 0 ? List.of() : List.of(i - 1));
        }
        return pipeline("chain", noOp, deps);
    }

    /**
     * {@code layers × width} tasks; every task of a layer after two tasks of the layer before (its own column and
     * the next one), so the DAG has {@code 2 × width × (layers − 1)} edges.
     */
    static CompiledPipeline layeredDag(NoOp noOp, int layers, int width) {
        List<List<Integer>> deps = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            for (int column = 0; column < width; column++) {
                int previous = (layer - 1) * width;
                deps.add(layer == 0 ? List.of()
                        : List.of(previous + column, previous + (column + 1) % width));
            }
        }
        return pipeline("dag", noOp, deps);
    }

    /** Task {@code i} is named {@code t-i} and depends on the tasks listed at index {@code i}. */
    private static CompiledPipeline pipeline(String name, NoOp noOp, List<List<Integer>> deps) {
        DagSpec.Builder dag = DagSpec.newBuilder();
        for (int i = 0; i < deps.size(); i++) {
            PipelineTaskSpec.Builder task = PipelineTaskSpec.newBuilder()
                    .setTaskInfo(PipelineTaskInfo.newBuilder().setName(taskName(i)))
                    .setComponentRef(ComponentRef.newBuilder().setName("comp-noop"));
            deps.get(i).forEach(d -> task.addDependentTasks(taskName(d)));
            dag.putTasks(taskName(i), task.build());
        }
        Struct executors = Struct.newBuilder().putFields("exec-noop", executor(noOp)).build();
        PipelineSpec spec = PipelineSpec.newBuilder()
                .setPipelineInfo(PipelineInfo.newBuilder().setName("bench-" + name))
                .setSchemaVersion("2.1.0").setSdkVersion("kfp-2.14.6")
                .setRoot(ComponentSpec.newBuilder().setDag(dag))
                .putComponents("comp-noop", ComponentSpec.newBuilder().setExecutorLabel("exec-noop").build())
                .setDeploymentSpec(Struct.newBuilder().putFields("executors",
                        Value.newBuilder().setStructValue(executors).build()))
                .build();
        return CompiledPipeline.of(spec);
    }

    static String taskName(int index) {
        return "t-" + index;
    }

    private static Value executor(NoOp noOp) {
        Struct.Builder container = Struct.newBuilder().putFields("image", string("python:3.11"));
        if (noOp == NoOp.SHELL) {
            container.putFields("command", list("sh", "-c", ":"));
        } else {
            container.putFields("command", list("sh", "-c", PIP_PRELUDE, "sh", "-ec", PYTHON_SCRIPT, PYTHON_SOURCE));
            container.putFields("args", list("--executor_input", "{{$}}", "--function_to_execute", "noop"));
        }
        return Value.newBuilder().setStructValue(
                Struct.newBuilder().putFields("container", Value.newBuilder().setStructValue(container).build()))
                .build();
    }

    private static Value string(String s) {
        return Values.of(s);
    }

    private static Value list(String... items) {
        return Values.list(Arrays.stream(items).map(Values::of).toList());
    }
}
