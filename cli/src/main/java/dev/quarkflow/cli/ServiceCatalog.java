package dev.quarkflow.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The services {@code up} starts, in start order, with the default ports of ARCHITECTURE's "Running locally"
 * table. Each service's own application.properties sets the same ports; a test checks they agree.
 */
public final class ServiceCatalog {

    private static final List<LocalService> ALL = List.of(
            new LocalService("metadata-grpc", 8090, "MLMD gRPC 127.0.0.1:8080, health http://127.0.0.1:8090"),
            new LocalService("api-server", 8888, "KFP REST http://127.0.0.1:8888, gRPC 127.0.0.1:8887"),
            new LocalService("katib-suggestion", 8091, "suggestion gRPC 127.0.0.1:6789, health http://127.0.0.1:8091"),
            new LocalService("katib-controller", 8092, "DBManager gRPC 127.0.0.1:6790, health http://127.0.0.1:8092"),
            new LocalService("training-operator", 8093, "health/metrics http://127.0.0.1:8093"),
            new LocalService("serving-controller", 8094, "health/metrics http://127.0.0.1:8094"),
            new LocalService("notebook-controller", 8095, "health/metrics http://127.0.0.1:8095"),
            new LocalService("profile-controller", 8081, "KFAM REST http://127.0.0.1:8081"));

    private static final Map<String, LocalService> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(LocalService::name, Function.identity()));

    private ServiceCatalog() {
    }

    public static List<LocalService> all() {
        return ALL;
    }

    /**
     * The services named, in catalog order; all of them when no name is given.
     *
     * @throws IllegalArgumentException naming the unknown service and the known ones
     */
    public static List<LocalService> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL;
        }
        for (String name : names) {
            if (!BY_NAME.containsKey(name)) {
                throw new IllegalArgumentException("unknown service '" + name + "'; known services: "
                        + ALL.stream().map(LocalService::name).collect(Collectors.joining(", ")));
            }
        }
        List<LocalService> selected = new ArrayList<>();
        for (LocalService service : ALL) {
            if (names.contains(service.name())) {
                selected.add(service);
            }
        }
        return selected;
    }
}
