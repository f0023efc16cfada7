package dev.quarkflow.apiserver.lineage;

import java.time.Clock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.quarkflow.apiserver.config.ApiServerConfig;
import dev.quarkflow.pipelineengine.lineage.GrpcMlmdWriter;
import dev.quarkflow.pipelineengine.lineage.LineageRecorder;
import dev.quarkflow.pipelineengine.lineage.MlmdLineageRecorder;

/**
 * The lineage the local backend records: ML Metadata over gRPC when {@code quarkflow.api-server.mlmd.enabled},
 * else none. (A plain bean rather than a CDI producer: a client proxy of the library's interface would be
 * generated into the library's package.)
 */
@ApplicationScoped
public class Lineage {

    private static final Logger LOG = Logger.getLogger(Lineage.class);

    private final ApiServerConfig config;
    private final Clock clock;
    private GrpcMlmdWriter writer;
    private LineageRecorder recorder;

    Lineage(ApiServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public synchronized LineageRecorder recorder() {
        if (recorder == null) {
            ApiServerConfig.Mlmd mlmd = config.mlmd();
            if (!mlmd.enabled()) {
                LOG.info("lineage off: quarkflow.api-server.mlmd.enabled=false");
                recorder = LineageRecorder.NONE;
            } else {
                String target = mlmd.host() + ":" + mlmd.port();
                writer = new GrpcMlmdWriter(mlmd.host(), mlmd.port(), mlmd.deadline());
                LOG.infof("lineage to ML Metadata at %s", target);
                recorder = new GuardedLineageRecorder(new MlmdLineageRecorder(writer), target, mlmd.retryAfter(),
                        clock);
            }
        }
        return recorder;
    }

    @PreDestroy
    synchronized void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
