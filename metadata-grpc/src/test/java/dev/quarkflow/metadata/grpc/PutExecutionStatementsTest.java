package dev.quarkflow.metadata.grpc;

import static dev.quarkflow.metadata.grpc.MlmdTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Struct;

import dev.quarkflow.proto.mlmd.Artifact;
import dev.quarkflow.proto.mlmd.Context;
import dev.quarkflow.proto.mlmd.Event;
import dev.quarkflow.proto.mlmd.Execution;
import dev.quarkflow.proto.mlmd.MetadataStoreServiceGrpc.MetadataStoreServiceBlockingStub;
import dev.quarkflow.proto.mlmd.PutExecutionRequest;
import dev.quarkflow.proto.mlmd.Value;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How many SQL statements one PutExecution costs when sent the way the pipeline engine sends it (new execution
 * with custom properties, pipeline and run contexts by type and name with reuse, warm server): a bound that keeps
 * the per-task cost of lineage from creeping back up.
 */
@QuarkusTest
class PutExecutionStatementsTest {

    private static final Logger LOG = Logger.getLogger(PutExecutionStatementsTest.class);

    @GrpcClient("mlmd")
    MetadataStoreServiceBlockingStub stub;

    @Inject
    @PersistenceUnit("h2")
    SessionFactory sessionFactory;

    @Test
    void enginePutExecution_withoutArtifacts_staysWithinStatementBudget() {
        Fixture fixture = new Fixture();
        stub.putExecution(fixture.request(null));

        long statements = statementsOf(() -> stub.putExecution(fixture.request(null)));

        LOG.infof("SQL statements per engine PutExecution without artifacts: %d", statements);
        assertThat(statements).isLessThanOrEqualTo(16);
    }

    @Test
    void enginePutExecution_withNewOutputArtifact_staysWithinStatementBudget() {
        Fixture fixture = new Fixture();
        stub.putExecution(fixture.request(fixture.output()));

        long statements = statementsOf(() -> stub.putExecution(fixture.request(fixture.output())));

        LOG.infof("SQL statements per engine PutExecution with one new output artifact: %d", statements);
        assertThat(statements).isLessThanOrEqualTo(22);
    }

    private long statementsOf(Supplier<?> call) {
        var statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            call.get();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** Types and contexts of one engine run, registered as the engine's writer does. */
    private final class Fixture {
        final long executionType = executionType(stub, unique("system.ContainerExecution"));
        final long artifactType = artifactType(stub, unique("system.Artifact"));
        final long pipelineType = contextType(stub, unique("system.Pipeline"));
        final long runType = contextType(stub, unique("system.PipelineRun"));
        final String pipeline = unique("pipeline");
        final String run = unique("run");

        PutExecutionRequest request(PutExecutionRequest.ArtifactAndEvent pair) {
            Execution execution = Execution.newBuilder().setTypeId(executionType)
                    .setLastKnownState(Execution.State.COMPLETE)
                    .putCustomProperties("display_name", stringValue("task"))
                    .putCustomProperties("task_name", stringValue("task"))
                    .putCustomProperties("inputs", Value.newBuilder().setStructValue(Struct.getDefaultInstance())
                            .build())
                    .putCustomProperties("outputs", Value.newBuilder().setStructValue(Struct.getDefaultInstance())
                            .build())
                    .putCustomProperties("parent_dag_id", intValue(1))
                    .putCustomProperties("image", stringValue(""))
                    .putCustomProperties("pod_name", stringValue(""))
                    .putCustomProperties("pod_uid", stringValue(""))
                    .putCustomProperties("namespace", stringValue("")).build();
            PutExecutionRequest.Builder request = PutExecutionRequest.newBuilder().setExecution(execution)
                    .addContexts(Context.newBuilder().setTypeId(pipelineType).setName(pipeline))
                    .addContexts(Context.newBuilder().setTypeId(runType).setName(run)
                            .putCustomProperties("namespace", stringValue(""))
                            .putCustomProperties("pipeline_root", stringValue("/tmp/" + run)))
                    .setOptions(PutExecutionRequest.Options.newBuilder().setReuseContextIfAlreadyExist(true));
            if (pair != null) {
                request.addArtifactEventPairs(pair);
            }
            return request.build();
        }

        PutExecutionRequest.ArtifactAndEvent output() {
            return PutExecutionRequest.ArtifactAndEvent.newBuilder()
                    .setArtifact(Artifact.newBuilder().setTypeId(artifactType).setUri("/tmp/" + unique("a"))
                            .setState(Artifact.State.LIVE).putCustomProperties("display_name", stringValue("out")))
                    .setEvent(Event.newBuilder().setType(Event.Type.OUTPUT)).build();
        }
    }
}
