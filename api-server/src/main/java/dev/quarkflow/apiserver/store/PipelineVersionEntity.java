package dev.quarkflow.apiserver.store;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hibernate.Length;
import org.hibernate.annotations.BatchSize;

import dev.quarkflow.apiserver.list.ListQuery;

/** One version of a pipeline with its compiled spec (stored re-serialised by the protobuf JSON printer). */
@Entity
@Table(name = "pipeline_versions")
public class PipelineVersionEntity {
    @Id
    public String id;
    @Column(name = "pipeline_id")
    public String pipelineId;
    public String name;
    @Column(name = "display_name")
    public String displayName;
    @Column(length = Length.LONG32)
    public String description;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "pipeline_url")
    public String pipelineUrl;
    @Column(name = "code_source_url")
    public String codeSourceUrl;
    @Column(name = "pipeline_spec", length = Length.LONG32)
    public String pipelineSpec;
    @Column(name = "platform_spec", length = Length.LONG32)
    public String platformSpec;
    // one statement loads the collections of a whole list page (no query per row)
    @ElementCollection
    @BatchSize(size = ListQuery.MAX_PAGE_SIZE + 1)
    @CollectionTable(name = "pipeline_version_tags", joinColumns = @JoinColumn(name = "pipeline_version_id"))
    @MapKeyColumn(name = "tag_key")
    @Column(name = "tag_value")
    public Map<String, String> tags = new HashMap<>();
}
