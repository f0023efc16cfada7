package dev.quarkflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceCatalogTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static List<LocalService> services() {
        return ServiceCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void healthPort_matchesTheServicesOwnConfiguration(LocalService service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                REPOSITORY.resolve(service.name()).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }

        assertThat(properties.getProperty("quarkus.http.port")).isEqualTo(String.valueOf(service.healthPort()));
    }

    @Test
    void select_keepsCatalogOrder_whenNamesAreGivenOutOfOrder() {
        List<LocalService> selected = ServiceCatalog.select(List.of("katib-suggestion", "metadata-grpc"));

        assertThat(selected).extracting(LocalService::name).containsExactly("metadata-grpc", "katib-suggestion");
    }

    @Test
    void select_returnsEveryService_whenNoNameIsGiven() {
        assertThat(ServiceCatalog.select(List.of())).hasSize(ServiceCatalog.all().size());
    }

    @Test
    void select_rejectsUnknownName_listingTheKnownOnes() {
        assertThatThrownBy(() -> ServiceCatalog.select(List.of("mlmd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'mlmd'")
                .hasMessageContaining("metadata-grpc");
    }
}
