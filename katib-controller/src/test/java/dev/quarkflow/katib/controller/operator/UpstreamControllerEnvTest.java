package dev.quarkflow.katib.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarkflow.katib.controller.engine.KatibNames;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Upstream's controller environment (KATIB_CORE_NAMESPACE, KATIB_DB_MANAGER_SERVICE_IP/_NAMESPACE/_PORT) drives the
 * katib-config namespace and the DBManager address through the defaults in application.properties.
 */
class UpstreamControllerEnvTest {

    private static KatibControllerConfig config(Map<String, String> env) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        UpstreamControllerEnvTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(env, "env", 300))
                .withMapping(KatibControllerConfig.class).withValidateUnknown(false).build();
        return config.getConfigMapping(KatibControllerConfig.class);
    }

    @Test
    void withoutEnv_upstreamDefaults() throws IOException {
        KatibControllerConfig config = config(Map.of());

        assertThat(config.katibConfigNamespace()).isEqualTo("kubeflow");
        assertThat(config.dbManagerAddress()).isEqualTo("katib-db-manager.kubeflow:6789");
    }

    @Test
    void coreNamespace_movesKatibConfigAndDbManagerNamespace() throws IOException {
        KatibControllerConfig config = config(Map.of("KATIB_CORE_NAMESPACE", "katib-system"));

        assertThat(config.katibConfigNamespace()).isEqualTo("katib-system");
        assertThat(config.dbManagerAddress()).isEqualTo("katib-db-manager.katib-system:6789");
    }

    @Test
    void dbManagerServiceVariables_buildTheAddress_overTheCoreNamespace() throws IOException {
        KatibControllerConfig config = config(Map.of("KATIB_CORE_NAMESPACE", "katib-system",
                "KATIB_DB_MANAGER_SERVICE_IP", "db", "KATIB_DB_MANAGER_SERVICE_NAMESPACE", "storage",
                "KATIB_DB_MANAGER_SERVICE_PORT", "7000"));

        assertThat(config.katibConfigNamespace()).isEqualTo("katib-system");
        assertThat(config.dbManagerAddress()).isEqualTo("db.storage:7000");
    }

    @Test
    void emptyDbManagerNamespace_leavesTheNamespaceOut() throws IOException {
        KatibControllerConfig config = config(Map.of("KATIB_DB_MANAGER_SERVICE_IP", "10.0.0.7",
                "KATIB_DB_MANAGER_SERVICE_NAMESPACE", ""));

        assertThat(config.dbManagerAddress()).isEqualTo("10.0.0.7:6789");
    }

    @Test
    void address_isIpDotNamespaceColonPort_orIpColonPort() {
        assertThat(KatibNames.dbManagerAddress("katib-db-manager", "kubeflow", "6789"))
                .isEqualTo("katib-db-manager.kubeflow:6789");
        assertThat(KatibNames.dbManagerAddress("katib-db-manager", "", "6789")).isEqualTo("katib-db-manager:6789");
    }
}
