package dev.quarkflow.metadata.grpc;

import static dev.quarkflow.metadata.grpc.MlmdTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.ArtifactType;
import dev.quarkflow.proto.mlmd.GetArtifactTypesRequest;
import dev.quarkflow.proto.mlmd.GetArtifactsByTypeRequest;
import dev.quarkflow.proto.mlmd.PutArtifactsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Sixteen clients racing for the same type or the same named artifact end with one row and no INTERNAL. */
abstract class ConcurrencyContract extends LineageAndListingContract {

    private static final int CLIENTS = 16;

    @Test
    void sixteenClientsPuttingOneType_allGetTheSameId() throws Exception {
        String name = unique("raced");

        List<Object> results = race(() -> artifactType(stub, name, "p"));

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Long.class));
        assertThat(results).containsOnly(results.get(0));
        assertThat(stub.getArtifactTypes(GetArtifactTypesRequest.getDefaultInstance()).getArtifactTypesList())
                .extracting(ArtifactType::getName).filteredOn(name::equals).hasSize(1);
    }

    @Test
    void sixteenClientsCreatingOneNamedArtifact_oneWinsOthersAlreadyExists() throws Exception {
        String typeName = unique("t");
        long typeId = artifactType(stub, typeName);

        List<Object> results = race(() -> stub.putArtifacts(PutArtifactsRequest.newBuilder()
                .addArtifacts(Artifact.newBuilder().setTypeId(typeId).setName("same")).build()).getArtifactIds(0));

        assertThat(results).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(Status.Code.class::isInstance)
                .containsOnly(Status.Code.ALREADY_EXISTS).hasSize(CLIENTS - 1);
        assertThat(stub.getArtifactsByType(GetArtifactsByTypeRequest.newBuilder().setTypeName(typeName).build())
                .getArtifactsList()).hasSize(1);
    }

    /** Runs the call from sixteen threads released together; each result is its value or its status code. */
    private static List<Object> race(Supplier<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.get();
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
