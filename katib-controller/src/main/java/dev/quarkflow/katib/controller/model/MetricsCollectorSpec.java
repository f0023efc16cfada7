package dev.quarkflow.katib.controller.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code spec.metricsCollectorSpec}: where the trial's metrics come from and how they are read. */
public class MetricsCollectorSpec extends Extensible {
    public static final String STDOUT = "StdOut";
    public static final String FILE = "File";
    public static final String TF_EVENT = "TensorFlowEvent";
    public static final String PROMETHEUS = "PrometheusMetric";
    public static final String CUSTOM = "Custom";
    public static final String PUSH = "Push";

    public Source source;
    public Collector collector;

    public String kind() {
        return collector == null ? null : collector.kind;
    }

    public static class Source extends Extensible {
        public HttpGet httpGet;
        public FileSystemPath fileSystemPath;
        public Filter filter;
    }

    /** Core/v1 HTTPGetAction; only path and port are read ({@code port} may be a number or a name). */
    public static class HttpGet extends Extensible {
        public String path;
        public JsonNode port;
        public String host;
        public String scheme;
        public List<Map<String, Object>> httpHeaders;
    }

    public static class FileSystemPath extends Extensible {
        public static final String KIND_FILE = "File";
        public static final String KIND_DIRECTORY = "Directory";
        public static final String FORMAT_TEXT = "TEXT";
        public static final String FORMAT_JSON = "JSON";

        public String path;
        public String kind;
        public String format;
    }

    public static class Filter extends Extensible {
        public List<String> metricsFormat;
    }

    public static class Collector extends Extensible {
        public String kind;
        public JsonNode customCollector;
    }
}
