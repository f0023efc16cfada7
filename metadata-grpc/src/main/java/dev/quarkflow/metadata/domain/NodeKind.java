package dev.quarkflow.metadata.domain;

/** The three node kinds of MLMD, numbered as upstream numbers its type kinds. */
public enum NodeKind {
    EXECUTION(0, "execution"),
    ARTIFACT(1, "artifact"),
    CONTEXT(2, "context");

    private final int code;
    private final String label;

    NodeKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number stored in type and property rows. */
    public int code() {
        return code;
    }

    /** Lower-case name used in messages ("artifact", "execution", "context"). */
    public String label() {
        return label;
    }

    /** The name of this kind's state field in the proto, or null for contexts. */
    public String stateField() {
        return switch (this) {
            case ARTIFACT -> "state";
            case EXECUTION -> "last_known_state";
            case CONTEXT -> null;
        };
    }
}
