package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.hibernate.Length;

/**
 * Where a run's or recurring run's pipeline came from, and the resolved spec it runs. {@code kind} is
 * {@code SPEC} (inline, echoed back as {@code pipeline_spec}) or {@code REFERENCE} (echoed back as
 * {@code pipeline_version_reference}).
 */
@Embeddable
public class PipelineSource {
    public static final String SPEC = "SPEC";
    public static final String REFERENCE = "REFERENCE";

    @Column(name = "source_kind")
    public String kind;
    @Column(name = "pipeline_id")
    public String pipelineId;
    @Column(name = "pipeline_version_id")
    public String pipelineVersionId;
    @Column(name = "pipeline_spec", length = Length.LONG32)
    public String pipelineSpec;
    @Column(name = "platform_spec", length = Length.LONG32)
    public String platformSpec;
    /** Runtime parameters as a JSON object text, or null. */
    @Column(name = "runtime_parameters", length = Length.LONG32)
    public String runtimeParameters;
    @Column(name = "pipeline_root")
    public String pipelineRoot;
    @Column(name = "service_account")
    public String serviceAccount;
}
