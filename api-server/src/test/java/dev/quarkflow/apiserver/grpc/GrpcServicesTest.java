package dev.quarkflow.apiserver.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.testing.SharedFixtures;
import dev.quarkflow.proto.kfp.v2beta1.CreateExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.CreateRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.CronSchedule;
import dev.quarkflow.proto.kfp.v2beta1.DeletePipelineRequest;
import dev.quarkflow.proto.kfp.v2beta1.DeleteRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.DisableRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.Experiment;
import dev.quarkflow.proto.kfp.v2beta1.ExperimentServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.GetExperimentRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetRecurringRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.GetRunRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListExperimentsRequest;
import dev.quarkflow.proto.kfp.v2beta1.ListRecurringRunsRequest;
import dev.quarkflow.proto.kfp.v2beta1.PipelineServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRun;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRunServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.RunServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.Trigger;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gRPC services over a real channel (the test profile serves gRPC on the random HTTP port). */
@QuarkusTest
class GrpcServicesTest {

    @TestHTTPResource
    URL url;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build();
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void experiments_createGetAndList() {
        var experiments = ExperimentServiceGrpc.newBlockingStub(channel);
        String name = "grpc-" + UUID.randomUUID();

        Experiment created = experiments.createExperiment(CreateExperimentRequest.newBuilder()
                .setExperiment(Experiment.newBuilder().setDisplayName(name)).build());

        assertThat(experiments.getExperiment(GetExperimentRequest.newBuilder()
                .setExperimentId(created.getExperimentId()).build()).getDisplayName()).isEqualTo(name);
        assertThat(experiments.listExperiments(ListExperimentsRequest.newBuilder().setFilter(
                "{\"predicates\":[{\"operation\":\"EQUALS\",\"key\":\"name\",\"string_value\":\"" + name + "\"}]}")
                .build()).getExperimentsList()).extracting(Experiment::getExperimentId)
                .containsExactly(created.getExperimentId());
    }

    @Test
    void errors_carryTheCodeAndTheField() {
        var runs = RunServiceGrpc.newBlockingStub(channel);
        var pipelines = PipelineServiceGrpc.newBlockingStub(channel);

        assertThatThrownBy(() -> runs.getRun(GetRunRequest.newBuilder().setRunId("missing").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).startsWith("run_id: ");
                });
        assertThatThrownBy(() -> pipelines.deletePipeline(DeletePipelineRequest.newBuilder()
                .setPipelineId("missing").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void recurringRuns_createGetListDisableAndDelete() {
        var recurring = RecurringRunServiceGrpc.newBlockingStub(channel);
        String name = "grpc-recurring-" + UUID.randomUUID();

        RecurringRun created = recurring.createRecurringRun(CreateRecurringRunRequest.newBuilder()
                .setRecurringRun(RecurringRun.newBuilder().setDisplayName(name).setMaxConcurrency(2)
                        .setMode(RecurringRun.Mode.ENABLE)
                        .setTrigger(Trigger.newBuilder().setCronSchedule(CronSchedule.newBuilder()
                                .setCron("0 0 3 * * 1")))
                        .setPipelineSpec(helloWorld()))
                .build());
        String id = created.getRecurringRunId();
        recurring.disableRecurringRun(DisableRecurringRunRequest.newBuilder().setRecurringRunId(id).build());

        RecurringRun read = recurring.getRecurringRun(GetRecurringRunRequest.newBuilder().setRecurringRunId(id)
                .build());
        assertThat(read.getStatus()).isEqualTo(RecurringRun.Status.DISABLED);
        assertThat(read.getTrigger().getCronSchedule().getCron()).isEqualTo("0 0 3 * * 1");
        assertThat(recurring.listRecurringRuns(ListRecurringRunsRequest.newBuilder().setPageSize(200).build())
                .getRecurringRunsList()).extracting(RecurringRun::getRecurringRunId).contains(id);
        assertThatThrownBy(() -> recurring.createRecurringRun(CreateRecurringRunRequest.newBuilder()
                .setRecurringRun(created.toBuilder().clearRecurringRunId().setMaxConcurrency(0)).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                        .isEqualTo(Status.Code.INVALID_ARGUMENT));
        recurring.deleteRecurringRun(DeleteRecurringRunRequest.newBuilder().setRecurringRunId(id).build());
        assertThatThrownBy(() -> recurring.getRecurringRun(GetRecurringRunRequest.newBuilder()
                .setRecurringRunId(id).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                        .isEqualTo(Status.Code.NOT_FOUND));
    }

    private static Struct helloWorld() {
        Struct.Builder spec = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(
                            SharedFixtures.conformance("kfp").resolve("hello_world.yaml").toFile(), Object.class)),
                    spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return spec.build();
    }
}
