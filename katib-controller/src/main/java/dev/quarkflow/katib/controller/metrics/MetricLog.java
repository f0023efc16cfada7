package dev.quarkflow.katib.controller.metrics;

/** One reported metric value at a time (RFC 3339; the zero time when the source gave none), as DBManager stores it. */
public record MetricLog(String timestamp, String name, String value) {

    /** Go's zero time, which upstream's collectors write when a line carries no timestamp. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";
}
