package dev.quarkflow.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;

import dev.quarkflow.proto.inference.GRPCInferenceServiceGrpc;
import dev.quarkflow.proto.katib.DBManagerGrpc;
import dev.quarkflow.proto.katib.EarlyStoppingGrpc;
import dev.quarkflow.proto.katib.SuggestionGrpc;
import dev.quarkflow.proto.kfp.v2beta1.ExperimentServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.PipelineServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.RecurringRunServiceGrpc;
import dev.quarkflow.proto.kfp.v2beta1.RunProto;
import dev.quarkflow.proto.kfp.v2beta1.RunServiceGrpc;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc;

/**
 * The generated Java carries upstream's wire names: the full service names clients dial, and the REST routes
 * that grpc-gateway derives from the {@code google.api.http} annotations.
 */
class ServiceContractsTest {

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(MetadataStoreServiceGrpc.SERVICE_NAME, "ml_metadata.MetadataStoreService", 52),
                Arguments.of(SuggestionGrpc.SERVICE_NAME, "api.v1.beta1.Suggestion", 2),
                Arguments.of(EarlyStoppingGrpc.SERVICE_NAME, "api.v1.beta1.EarlyStopping", 3),
                Arguments.of(DBManagerGrpc.SERVICE_NAME, "api.v1.beta1.DBManager", 3),
                Arguments.of(GRPCInferenceServiceGrpc.SERVICE_NAME, "inference.GRPCInferenceService", 8),
                Arguments.of(RunServiceGrpc.SERVICE_NAME, "kubeflow.pipelines.backend.api.v2beta1.RunService", 9),
                Arguments.of(PipelineServiceGrpc.SERVICE_NAME, "kubeflow.pipelines.backend.api.v2beta1.PipelineService",
                        12),
                Arguments.of(ExperimentServiceGrpc.SERVICE_NAME,
                        "kubeflow.pipelines.backend.api.v2beta1.ExperimentService", 6),
                Arguments.of(RecurringRunServiceGrpc.SERVICE_NAME,
                        "kubeflow.pipelines.backend.api.v2beta1.RecurringRunService", 6));
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceHasUpstreamNameAndMethodCount(String generatedName, String upstreamName, int methods) {
        assertThat(generatedName).isEqualTo(upstreamName);
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceDescriptorHasUpstreamMethodCount(String generatedName, String upstreamName, int methods) {
        ServiceDescriptor service = Stream
                .of(dev.quarkflow.proto.mlmd.MetadataStoreServiceProto.getDescriptor(),
                        dev.quarkflow.proto.katib.KatibApiProto.getDescriptor(),
                        dev.quarkflow.proto.inference.GrpcPredictV2Proto.getDescriptor(),
                        RunProto.getDescriptor(),
                        dev.quarkflow.proto.kfp.v2beta1.PipelineProto.getDescriptor(),
                        dev.quarkflow.proto.kfp.v2beta1.ExperimentProto.getDescriptor(),
                        dev.quarkflow.proto.kfp.v2beta1.RecurringRunProto.getDescriptor())
                .flatMap(file -> file.getServices().stream())
                .filter(candidate -> candidate.getFullName().equals(upstreamName))
                .findFirst().orElseThrow();

        assertThat(service.getMethods()).hasSize(methods);
    }

    @Test
    void runServiceRoutes_areUpstreamsRestPaths() {
        ServiceDescriptor runs = RunProto.getDescriptor().findServiceByName("RunService");

        assertThat(route(runs.findMethodByName("CreateRun"))).isEqualTo("POST /apis/v2beta1/runs body=run");
        assertThat(route(runs.findMethodByName("GetRun"))).isEqualTo("GET /apis/v2beta1/runs/{run_id} body=");
        assertThat(route(runs.findMethodByName("TerminateRun")))
                .isEqualTo("POST /apis/v2beta1/runs/{run_id}:terminate body=");
        // upstream 2.0-2.14's route; 2.15+ serve the same path by hand
        assertThat(route(runs.findMethodByName("ReadArtifact")))
                .isEqualTo("GET /apis/v2beta1/runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read body=");
    }

    private static String route(MethodDescriptor method) {
        HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
        String path = switch (rule.getPatternCase()) {
            case GET -> "GET " + rule.getGet();
            case POST -> "POST " + rule.getPost();
            case PUT -> "PUT " + rule.getPut();
            case PATCH -> "PATCH " + rule.getPatch();
            case DELETE -> "DELETE " + rule.getDelete();
            default -> rule.getPatternCase().name();
        };
        return path + " body=" + rule.getBody();
    }
}
