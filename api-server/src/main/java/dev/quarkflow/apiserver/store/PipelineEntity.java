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

/** A pipeline: a named container of versions. Times are Unix seconds, as upstream stores them. */
@Entity
@Table(name = "pipelines")
public class PipelineEntity {
    @Id
    public String id;
    public String name;
    @Column(name = "display_name")
    public String displayName;
    @Column(length = Length.LONG32)
    public String description;
    @Column(name = "created_at")
    public long createdAt;
    public String namespace;
    // one statement loads the collections of a whole list page (no query per row)
    @ElementCollection
    @BatchSize(size = ListQuery.MAX_PAGE_SIZE + 1)
    @CollectionTable(name = "pipeline_tags", joinColumns = @JoinColumn(name = "pipeline_id"))
    @MapKeyColumn(name = "tag_key")
    @Column(name = "tag_value")
    public Map<String, String> tags = new HashMap<>();
}
