package dev.quarkflow.metadata.store;

/** Restricts a node list to one type and/or to the members of one context; null means "no restriction". */
public record NodeScope(Long typeId, Long contextId) {

    public static final NodeScope ALL = new NodeScope(null, null);

    public static NodeScope ofType(long typeId) {
        return new NodeScope(typeId, null);
    }

    public static NodeScope inContext(long contextId) {
        return new NodeScope(null, contextId);
    }
}
