package dev.quarkflow.apiserver.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

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
    @Lob
    @Column(name = "pipeline_spec")
    public String pipelineSpec;
    @Lob
    @Column(name = "platform_spec")
    public String platformSpec;
    /** Runtime parameters as a JSON object text, or null. */
    @Lob
    @Column(name = "runtime_parameters")
    public String runtimeParameters;
    @Column(name = "pipeline_root")
    public String pipelineRoot;
    @Column(name = "service_account")
    public String serviceAccount;
}
