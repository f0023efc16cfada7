package dev.quarkflow.apiserver.list;

/** How a sortable/filterable column stores its values. */
public enum ColumnType {
    /** Text; filter values are strings. */
    STRING,
    /** Unix seconds; filter values are timestamps or integers. */
    SECONDS
}
