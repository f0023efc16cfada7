package dev.quarkflow.training.api;

import java.util.Map;

/**
 * What the job engine needs from every kind's spec: its replica-spec map (named per kind, e.g.
 * {@code pytorchReplicaSpecs}) and the shared {@link RunPolicy}. Accessors carry no {@code get} prefix so that they
 * stay out of the JSON and the CRD schema.
 */
public interface JobSpec {

    Map<String, ReplicaSpec> replicaSpecs();

    void replicaSpecs(Map<String, ReplicaSpec> specs);

    RunPolicy runPolicy();

    void runPolicy(RunPolicy policy);
}
