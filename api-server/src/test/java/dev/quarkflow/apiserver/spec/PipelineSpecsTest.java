package dev.quarkflow.apiserver.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarkflow.common.error.ErrorCode;
import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.common.testing.SharedFixtures;

class PipelineSpecsTest {

    static Stream<Path> corpus() {
        return SharedFixtures.conformanceFiles("kfp", ".yaml", ".json").stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void read_acceptsEveryCompiledPipeline_andStoresItLosslessly(Path file) throws IOException {
        String text = Files.readString(file);

        PipelineDocument document = PipelineSpecs.read(text);

        assertThat(PipelineSpecs.parseStored(document.specJson())).isEqualTo(document.spec());
        assertThat(PipelineSpecs.fromStruct(document.toApiStruct(), "run.pipeline_spec").spec())
                .isEqualTo(document.spec());
    }

    @Test
    void read_keepsThePlatformDocument() throws IOException {
        Path withPlatform = corpus().filter(this::hasPlatform).findFirst().orElseThrow();

        PipelineDocument document = PipelineSpecs.read(Files.readString(withPlatform));

        assertThat(document.platformSpecJson()).isPresent();
        assertThat(document.toApiStruct().getFieldsMap()).containsKeys("pipeline_spec", "platform_spec");
    }

    @Test
    void read_rejectsUnknownTopLevelField_namingIt() {
        String yaml = HELLO.replace("root:", "components_1: {}\nroot:");

        assertThatThrownBy(() -> PipelineSpecs.read(yaml))
                .isInstanceOf(QuarkflowException.class)
                .hasMessageContaining("unknown template format")
                .hasMessageContaining("components_1");
    }

    @Test
    void read_rejectsMalformedYaml() {
        assertThatThrownBy(() -> PipelineSpecs.read("pipelineInfo: [unclosed"))
                .isInstanceOf(QuarkflowException.class)
                .hasMessageContaining("failed to parse pipeline spec YAML");
    }

    @Test
    void read_rejectsInputFromUnknownProducerOutput_namingThePath() {
        String yaml = HELLO.replace("outputParameterKey: Output", "outputParameterKey: nope");

        assertThatThrownBy(() -> PipelineSpecs.read(yaml))
                .isInstanceOfSatisfying(QuarkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.field()).contains("root.dag.tasks.train.inputs.parameters.lr");
                    assertThat(e.problem()).contains("no output parameter \"nope\"");
                });
    }

    @Test
    void read_rejectsDependencyCycle() {
        String cyclic = HELLO.replace("dependentTasks: []", "dependentTasks: [train]");

        assertThatThrownBy(() -> PipelineSpecs.read(cyclic))
                .isInstanceOfSatisfying(QuarkflowException.class, e -> {
                    assertThat(e.field().orElseThrow()).startsWith("root.dag.tasks.");
                    assertThat(e.problem()).contains("dependency cycle: ");
                });
    }

    @Test
    void read_rejectsUnknownComponentRef() {
        String yaml = HELLO.replace("name: comp-train\n", "name: comp-nowhere\n");

        assertThatThrownBy(() -> PipelineSpecs.read(yaml))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.field()).contains("root.dag.tasks.train.componentRef.name"));
    }

    @Test
    void read_rejectsUnknownExecutorLabel() {
        String yaml = HELLO.replace("executorLabel: exec-train", "executorLabel: exec-missing");

        assertThatThrownBy(() -> PipelineSpecs.read(yaml))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.field()).contains("components.comp-train.executorLabel"));
    }

    @Test
    void read_rejectsParentInputThatDoesNotExist() {
        String yaml = HELLO.replaceAll("taskOutputParameter:\\s+outputParameterKey: Output\\s+producerTask: prepare",
                "componentInputParameter: learning_rate");

        assertThatThrownBy(() -> PipelineSpecs.read(yaml))
                .isInstanceOfSatisfying(QuarkflowException.class, e -> assertThat(e.field())
                        .contains("root.dag.tasks.train.inputs.parameters.lr.componentInputParameter"));
    }

    @Test
    void read_rejectsWrongSchemaVersion() {
        assertThatThrownBy(() -> PipelineSpecs.read(HELLO.replace("schemaVersion: 2.1.0", "schemaVersion: 2.0.0")))
                .isInstanceOfSatisfying(QuarkflowException.class,
                        e -> assertThat(e.field()).contains("schemaVersion"));
    }

    private boolean hasPlatform(Path file) {
        try {
            return Files.readString(file).contains("\nplatforms:");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Two tasks: prepare produces Output, train reads it as lr. */
    static final String HELLO = """
            # PIPELINE DEFINITION
            components:
              comp-prepare:
                executorLabel: exec-prepare
                outputDefinitions:
                  parameters:
                    Output:
                      parameterType: NUMBER_DOUBLE
              comp-train:
                executorLabel: exec-train
                inputDefinitions:
                  parameters:
                    lr:
                      parameterType: NUMBER_DOUBLE
            deploymentSpec:
              executors:
                exec-prepare:
                  container:
                    image: python:3.11
                    command: [python3, -c, "print(0.1)"]
                exec-train:
                  container:
                    image: python:3.11
                    command: [echo, "{{$.inputs.parameters['lr']}}"]
            pipelineInfo:
              name: hello
            root:
              dag:
                tasks:
                  prepare:
                    componentRef:
                      name: comp-prepare
                    dependentTasks: []
                    taskInfo:
                      name: prepare
                  train:
                    componentRef:
                      name: comp-train
                    inputs:
                      parameters:
                        lr:
                          taskOutputParameter:
                            outputParameterKey: Output
                            producerTask: prepare
                    taskInfo:
                      name: train
            schemaVersion: 2.1.0
            sdkVersion: kfp-2.15.2
            """;
}
