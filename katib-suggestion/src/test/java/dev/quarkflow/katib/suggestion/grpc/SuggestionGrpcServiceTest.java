package dev.quarkflow.katib.suggestion.grpc;

import static dev.quarkflow.katib.suggestion.grpc.KatibProtos.experiment;
import static dev.quarkflow.katib.suggestion.grpc.KatibProtos.range;
import static dev.quarkflow.katib.suggestion.grpc.KatibProtos.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.ParameterType;
import dev.quarkflow.proto.katib.SuggestionGrpc;
import dev.quarkflow.proto.katib.TrialStatus;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Suggestion service over a real socket, as Katib's controller calls it. */
@QuarkusTest
class SuggestionGrpcServiceTest {

    @TestHTTPResource("/")
    URL url;

    @Inject
    InMemorySpanExporter spans;

    private ManagedChannel channel;
    private SuggestionGrpc.SuggestionBlockingStub suggestion;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext().build();
        suggestion = SuggestionGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void getSuggestions_returnsExactlyTheRequestedAssignments() {
        var exp = experiment("random", List.of(range("lr", ParameterType.DOUBLE, "0.01", "0.1"),
                range("layers", ParameterType.INT, "1", "4")), Map.of("random_state", "1"), 10);
        var done = KatibProtos.trial("exp-1", Map.of("lr", "0.05", "layers", "2"),
                TrialStatus.TrialConditionType.SUCCEEDED, "0.9");

        var reply = suggestion.getSuggestions(request(exp, List.of(done), 3));

        assertThat(reply.getParameterAssignmentsList()).hasSize(3).allSatisfy(a -> {
            assertThat(a.getAssignmentsList()).extracting("name").containsExactly("lr", "layers");
            assertThat(a.getTrialName()).isEmpty();
        });
    }

    @Test
    void getSuggestions_rejectsUnknownAlgorithm_withInvalidArgument() {
        var exp = experiment("unknown", List.of(range("lr", ParameterType.DOUBLE, "0.01", "0.1")), Map.of(), 0);

        assertThatThrownBy(() -> suggestion.getSuggestions(request(exp, List.of(), 1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo(
                            "experiment.spec.algorithm.algorithm_name: unknown algorithm name unknown");
                });
    }

    @Test
    void getSuggestions_rejectsMalformedFeasibleSpace_namingTheField() {
        var exp = experiment("random", List.of(range("lr", ParameterType.DOUBLE, "zero", "0.1")), Map.of(), 0);

        assertThatThrownBy(() -> suggestion.getSuggestions(request(exp, List.of(), 1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("parameters[0].feasible_space.min");
                });
        var emptySpace = experiment("random", List.of(), Map.of(), 0);
        assertThatThrownBy(() -> suggestion.getSuggestions(request(emptySpace, List.of(), 1)))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("no parameters");
        var unknownType = experiment("random", List.of(range("lr", ParameterType.UNKNOWN_TYPE, "0", "1")),
                Map.of(), 0);
        assertThatThrownBy(() -> suggestion.getSuggestions(request(unknownType, List.of(), 1)))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("parameter_type");
        assertThatThrownBy(() -> suggestion.getSuggestions(GetSuggestionsRequest.newBuilder()
                .setExperiment(experiment("random", List.of(range("a", ParameterType.INT, "0", "1")), Map.of(), 0))
                .setCurrentRequestNumber(-1).build()))
                .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("current_request_number");
    }

    @Test
    void validateAlgorithmSettings_rejectsGridLargerThanItsSpace() {
        var exp = experiment("grid", List.of(range("a", ParameterType.INT, "1", "5")), Map.of(), 6);

        assertThatThrownBy(() -> suggestion.validateAlgorithmSettings(
                ValidateAlgorithmSettingsRequest.newBuilder().setExperiment(exp).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("experiment.spec.max_trial_count: ");
                });
        suggestion.validateAlgorithmSettings(ValidateAlgorithmSettingsRequest.newBuilder()
                .setExperiment(experiment("grid", List.of(range("a", ParameterType.INT, "1", "5")), Map.of(), 5))
                .build());
    }

    @Test
    void healthService_answersServing_forKatibsProbeName_andTheServer() {
        var health = HealthGrpc.newBlockingStub(channel);

        for (String service : List.of(KatibHealth.KATIB_PROBE_SERVICE, "")) {
            var response = health.check(HealthCheckRequest.newBuilder().setService(service).build());

            assertThat(response.getStatus()).as(service).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
    }

    @Test
    void getSuggestions_recordsASpanNamingTheAlgorithm() {
        spans.reset();
        var exp = experiment("random", List.of(range("a", ParameterType.INT, "1", "5")), Map.of(), 0);

        suggestion.getSuggestions(request(exp, List.of(), 1));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(s -> s.getName().equals("katib.suggestion.GetSuggestions"))
                .extracting(SpanData::getAttributes)
                .anySatisfy(a -> assertThat(a.asMap().toString()).contains("katib.algorithm=random")));
    }
}
