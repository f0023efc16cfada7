package dev.quarkflow.training.engine;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;

/** The children the informers hold for one job (already filtered to those it controls). */
public record Observed(List<Pod> pods, List<Service> services, List<HasMetadata> extras) {

    public Observed {
        pods = List.copyOf(pods);
        services = List.copyOf(services);
        extras = List.copyOf(extras);
    }

    public static Observed none() {
        return new Observed(List.of(), List.of(), List.of());
    }
}
