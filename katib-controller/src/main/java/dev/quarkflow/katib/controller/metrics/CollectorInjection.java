package dev.quarkflow.katib.controller.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.quarkflow.katib.controller.engine.Json;
import dev.quarkflow.katib.controller.engine.KatibNames;
import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.EarlyStoppingRule;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec;
import dev.quarkflow.katib.controller.model.MetricsCollectorSpec.FileSystemPath;
import dev.quarkflow.katib.controller.model.Trial;

/**
 * What upstream's pod mutating webhook does to a trial's pods, done once to the pod templates of the workload the Trial
 * reconciler creates (we run no webhook). Pure: the trial and the collector config in, a new workload out.
 * <ul>
 * <li>every pod template gets the trial's labels and {@code katib.kubeflow.org/trial}, and its primary container (if
 * present) {@code KATIB_TRIAL_NAME} from that label;</li>
 * <li>primary templates (all of them without {@code primaryPodLabels}, else those whose pods will carry every primary
 * label) get, unless the collector is Push, the sidecar ({@code metrics-logger-and-collector} for StdOut/File,
 * {@code metrics-collector} otherwise, the user's container for Custom) with upstream's arguments,
 * {@code shareProcessNamespace}, the {@code metrics-volume} emptyDir mounted at the metrics directory in sidecar and
 * primary container, and for StdOut/File/TensorFlowEvent the primary command wrapped in {@code sh -c} (StdOut output
 * to {@code /var/log/katib/metrics.log}, the completion marker written to {@code
 *
<dir>
 * /$$$$.pid}).</li>
 * </ul>
 * Pod templates are the objects shaped like a PodTemplateSpec ({@code spec.containers[]}) anywhere in the workload (Job
 * {@code spec.template}, training-operator {@code *ReplicaSpecs.<Type>.template}, JobSet and others). Pods of
 * training-operator replicas carry labels the operator adds, per replica index, and are matched with them
 * ({@link TrainingPodLabels}); a template is primary when all of its pods match. A template only some of whose pods
 * match (worker 0 of several, which upstream's pod webhook injects alone) cannot hold the sidecar for those pods only:
 * the trial is refused naming {@code spec.primaryPodLabels}.
 */
public final class CollectorInjection {

    public static final String LOGGER_AND_COLLECTOR = "metrics-logger-and-collector";
    public static final String COLLECTOR = "metrics-collector";
    public static final String METRICS_VOLUME = "metrics-volume";
    public static final String TRAINING_COMPLETED = "completed";
    public static final String TRAINING_EARLY_STOPPED = "early-stopped";
    public static final String SUGGESTION_VOLUME = "suggestion-volume";
    /** The algorithm setting that asks for the suggestion volume in trials. */
    public static final String SUGGESTION_TRIAL_DIR = "suggestion_trial_dir";

    private static final Set<String> WRAPPED_KINDS = Set.of(MetricsCollectorSpec.STDOUT, MetricsCollectorSpec.FILE,
            MetricsCollectorSpec.TF_EVENT);

    private CollectorInjection() {
    }

    /**
     * What the injection needs besides the trial: collector images, the DBManager address given to collectors and,
     * for trials with early-stopping rules, the early-stopping service ({@code <suggestion>-<algorithm>.<ns>:6788}).
     */
    public record Settings(CollectorConfig collectors, String dbManagerAddress, String earlyStoppingAddress,
            SuggestionVolume suggestionVolume) {

        /** Without early stopping and suggestion volume: collectors and the DBManager address. */
        public Settings(CollectorConfig collectors, String dbManagerAddress) {
            this(collectors, dbManagerAddress, null, null);
        }
    }

    /**
     * The Suggestion's claim ({@code <suggestion>-<algorithm>}) mounted into the primary container of primary pods at
     * the algorithm's {@code suggestion_trial_dir}, sub-path {@code <experiment>/<trial>} (PBT's checkpoints).
     */
    public record SuggestionVolume(String claimName, String mountPath) {

        /** @return the volume when the algorithm settings hold a non-empty {@code suggestion_trial_dir}, else null */
        public static SuggestionVolume of(String claimName, AlgorithmSpec algorithm) {
            if (algorithm == null) {
                return null;
            }
            return algorithm.algorithmSettingsOrEmpty().stream()
                    .filter(s -> SUGGESTION_TRIAL_DIR.equals(s.name) && s.value != null && !s.value.isEmpty())
                    .findFirst().map(s -> new SuggestionVolume(claimName, s.value)).orElse(null);
        }
    }

    /** The trial cannot get its collector; the message names the field or the missing config. */
    public static final class InjectionException extends Exception {
        public InjectionException(String message) {
            super(message);
        }
    }

    /**
     * A pod template found in the workload with, per pod made from it, the labels an operator adds (one empty map for
     * a template whose pods carry only its own labels); {@code replica} names the replica type, if any.
     */
    private record PodTemplate(ObjectNode template, List<Map<String, String>> podLabels, String replica) {
    }

    /** @return a copy of {@code runSpec} with the collector injected; {@code runSpec} is not changed */
    public static ObjectNode inject(Trial trial, ObjectNode runSpec, Settings settings) throws InjectionException {
        ObjectNode workload = runSpec.deepCopy();
        List<PodTemplate> templates = new ArrayList<>();
        findPodTemplates(workload, workload, templates);
        MetricsCollectorSpec collector = trial.spec.metricsCollector;
        String kind = collector == null || collector.kind() == null ? MetricsCollectorSpec.STDOUT : collector.kind();
        boolean sidecar = !MetricsCollectorSpec.PUSH.equals(kind);
        String primaryName = trial.spec.primaryContainerName;
        boolean anyPrimary = false;
        for (PodTemplate pod : templates) {
            labelPod(pod.template(), trial);
            ObjectNode primary = container(pod.template(), primaryName);
            if (primary != null) {
                addEnv(primary);
            }
            if (!isPrimary(pod, trial.spec.primaryPodLabels, sidecar, workload)) {
                continue;
            }
            if (primary == null) {
                throw new InjectionException("spec.primaryContainerName: unable to find primary container "
                        + primaryName + " in the pod template of the primary pods");
            }
            anyPrimary = true;
            if (sidecar) {
                addSidecar(trial, pod.template(), primary, kind, settings);
            }
        }
        if (!anyPrimary && sidecar) {
            throw new InjectionException("spec.runSpec: no pod template of kind " + runSpec.path("kind").asText()
                    + " matches primaryPodLabels " + trial.spec.primaryPodLabels + " with container " + primaryName
                    + "; the metrics collector cannot be injected");
        }
        return workload;
    }

    private static void addSidecar(Trial trial, ObjectNode template, ObjectNode primary, String kind,
            Settings settings) throws InjectionException {
        MetricsCollectorSpec collector = trial.spec.metricsCollector;
        ObjectNode sidecar = sidecar(trial, kind, settings);
        ObjectNode podSpec = (ObjectNode) template.get("spec");
        JsonNode firstContainer = podSpec.path("containers").path(0);
        if (settings.collectors().injectSecurityContext() && !MetricsCollectorSpec.CUSTOM.equals(kind)
                && firstContainer.path("securityContext").isObject()) {
            // upstream copies the pod's first container's securityContext (not the primary's); Custom is used as is
            sidecar.set("securityContext", firstContainer.get("securityContext").deepCopy());
        }
        ((ArrayNode) podSpec.get("containers")).add(sidecar);
        SuggestionVolume suggestionVolume = settings.suggestionVolume();
        if (suggestionVolume != null) {
            String experiment = trial.metadata.labels == null ? ""
                    : trial.metadata.labels.getOrDefault(KatibNames.LABEL_EXPERIMENT, "");
            array(primary, "volumeMounts").addObject().put("name", SUGGESTION_VOLUME)
                    .put("mountPath", suggestionVolume.mountPath())
                    .put("subPath", experiment.isEmpty() ? trial.name() : experiment + "/" + trial.name());
            array(podSpec, "volumes").addObject().put("name", SUGGESTION_VOLUME).putObject("persistentVolumeClaim")
                    .put("claimName", suggestionVolume.claimName());
        }
        podSpec.put("shareProcessNamespace", true);
        String mountPath = mountPath(collector, kind);
        if (mountPath.isEmpty()) {
            return;
        }
        boolean fileKind = isFileKind(collector, kind);
        String dir = fileKind ? parent(mountPath) : mountPath;
        ObjectNode mount = Json.MAPPER.createObjectNode().put("name", METRICS_VOLUME).put("mountPath", dir);
        array(primary, "volumeMounts").add(mount.deepCopy());
        array(sidecar, "volumeMounts").add(mount);
        array(podSpec, "volumes").addObject().put("name", METRICS_VOLUME).putObject("emptyDir");
        if (WRAPPED_KINDS.contains(kind)) {
            wrap(trial, primary, kind, mountPath, dir);
        }
    }

    private static ObjectNode sidecar(Trial trial, String kind, Settings settings) throws InjectionException {
        MetricsCollectorSpec collector = trial.spec.metricsCollector;
        if (MetricsCollectorSpec.CUSTOM.equals(kind)) {
            if (collector.collector.customCollector == null || !collector.collector.customCollector.isObject()) {
                throw new InjectionException("spec.metricsCollector.collector.customCollector: required for kind "
                        + kind);
            }
            return collector.collector.customCollector.deepCopy();
        }
        CollectorConfig.Entry config = settings.collectors().entry(kind)
                .orElseThrow(() -> new InjectionException("katib-config: failed to find metrics collector"
                        + " config for kind: " + kind));
        ObjectNode sidecar = Json.MAPPER.createObjectNode();
        sidecar.put("name", MetricsCollectorSpec.STDOUT.equals(kind) || MetricsCollectorSpec.FILE.equals(kind)
                ? LOGGER_AND_COLLECTOR
                : COLLECTOR);
        sidecar.put("image", config.image());
        ArrayNode args = sidecar.putArray("args");
        collectorArgs(trial, kind, config, settings.dbManagerAddress(), settings.earlyStoppingAddress()).forEach(args::add);
        sidecar.put("imagePullPolicy", config.imagePullPolicy());
        sidecar.set("resources", config.resources().deepCopy());
        return sidecar;
    }

    /** Upstream's sidecar flags, in upstream's order. */
    static List<String> collectorArgs(Trial trial, String kind, CollectorConfig.Entry config, String dbManager,
            String earlyStopping) {
        MetricsCollectorSpec collector = trial.spec.metricsCollector;
        List<String> args = new ArrayList<>(List.of("-t", trial.name(), "-m",
                String.join(";", trial.spec.objective.allMetricNames()), "-o-type", trial.spec.objective.type, "-s-db",
                dbManager));
        String mountPath = mountPath(collector, kind);
        if (!mountPath.isEmpty()) {
            args.addAll(List.of("-path", mountPath));
        }
        if (collector != null && collector.source != null && collector.source.filter != null
                && collector.source.filter.metricsFormat != null && !collector.source.filter.metricsFormat.isEmpty()) {
            args.addAll(List.of("-f", String.join(";", collector.source.filter.metricsFormat)));
        }
        if (MetricsCollectorSpec.FILE.equals(kind) && collector.source != null
                && collector.source.fileSystemPath != null) {
            args.addAll(List.of("-format", nullToEmpty(collector.source.fileSystemPath.format)));
        }
        if (MetricsCollectorSpec.STDOUT.equals(kind)) {
            args.addAll(List.of("-format", FileSystemPath.FORMAT_TEXT));
        }
        if (config.waitAllProcesses() != null) {
            args.addAll(List.of("-w", config.waitAllProcesses().toString()));
        }
        if (earlyStopping != null && trial.spec.earlyStoppingRules != null
                && !trial.spec.earlyStoppingRules.isEmpty()) {
            for (EarlyStoppingRule rule : trial.spec.earlyStoppingRules) {
                args.addAll(List.of("-stop-rule", rule.name + ";" + rule.value + ";" + rule.comparison + ";"
                        + (rule.startStep == null ? 0 : rule.startStep)));
            }
            args.addAll(List.of("-s-earlystop", earlyStopping));
        }
        return args;
    }

    /** The metrics file (File kind) or directory the collector reads, "" when it reads none. */
    static String mountPath(MetricsCollectorSpec collector, String kind) {
        FileSystemPath path = collector == null || collector.source == null ? null : collector.source.fileSystemPath;
        return switch (kind) {
            case MetricsCollectorSpec.STDOUT -> KatibNames.DEFAULT_METRICS_FILE;
            case MetricsCollectorSpec.FILE, MetricsCollectorSpec.TF_EVENT, MetricsCollectorSpec.CUSTOM ->
                path == null || path.path == null ? "" : path.path;
            default -> "";
        };
    }

    private static boolean isFileKind(MetricsCollectorSpec collector, String kind) {
        return switch (kind) {
            case MetricsCollectorSpec.STDOUT, MetricsCollectorSpec.FILE -> true;
            case MetricsCollectorSpec.CUSTOM -> FileSystemPath.KIND_FILE.equals(collector.source.fileSystemPath.kind);
            default -> false;
        };
    }

    private static void wrap(Trial trial, ObjectNode primary, String kind, String metricsFile, String dir)
            throws InjectionException {
        if (!primary.has("command") || primary.get("command").isEmpty()) {
            throw new InjectionException("spec.primaryContainerName: container " + primary.path("name").asText()
                    + " has no command; the image's entrypoint cannot be read here, so it cannot be wrapped for the "
                    + kind + " collector");
        }
        List<String> args = new ArrayList<>();
        primary.path("command").forEach(part -> args.add(part.asText()));
        primary.path("args").forEach(part -> args.add(part.asText()));
        List<String> command = List.of("sh", "-c");
        if (args.size() >= 2 && (args.get(0).equals("sh") || args.get(0).equals("bash"))
                && args.get(1).equals("-c")) {
            command = List.copyOf(args.subList(0, 2));
            args.subList(0, 2).clear();
        }
        if (MetricsCollectorSpec.STDOUT.equals(kind)) {
            args.add("1>" + metricsFile + " 2>&1");
        }
        if (trial.spec.earlyStoppingRules != null && !trial.spec.earlyStoppingRules.isEmpty()) {
            args.add("||");
            args.add("if test -f " + dir + "/$$$$.pid && [ $(head -n 1 " + dir + "/$$.pid) = "
                    + TRAINING_EARLY_STOPPED + " ]; then echo Training Container was Early Stopped; "
                    + "else echo Training Container was Failed; exit 1; fi");
        }
        args.add("&&");
        args.add("echo " + TRAINING_COMPLETED + " > " + dir + "/$$$$.pid");
        ArrayNode newCommand = primary.putArray("command");
        command.forEach(newCommand::add);
        primary.putArray("args").add(String.join(" ", args));
    }

    private static void labelPod(ObjectNode template, Trial trial) {
        ObjectNode metadata = template.has("metadata") && template.get("metadata").isObject()
                ? (ObjectNode) template.get("metadata")
                : template.putObject("metadata");
        ObjectNode labels = metadata.has("labels") && metadata.get("labels").isObject()
                ? (ObjectNode) metadata.get("labels")
                : metadata.putObject("labels");
        if (trial.metadata.labels != null) {
            new java.util.TreeMap<>(trial.metadata.labels).forEach(labels::put);
        }
        labels.put(KatibNames.LABEL_TRIAL, trial.name());
    }

    private static void addEnv(ObjectNode primary) {
        ArrayNode env = array(primary, "env");
        for (JsonNode variable : env) {
            if (KatibNames.ENV_TRIAL_NAME.equals(variable.path("name").asText())) {
                return;
            }
        }
        env.addObject().put("name", KatibNames.ENV_TRIAL_NAME).putObject("valueFrom").putObject("fieldRef")
                .put("fieldPath", "metadata.labels['" + KatibNames.LABEL_TRIAL + "']");
    }

    /**
     * Whether the template's pods are primary: all of them carry every primary label (template labels, then what the
     * operator sets over them). Some but not all → refused when a sidecar is needed.
     */
    private static boolean isPrimary(PodTemplate pod, Map<String, String> primaryLabels, boolean sidecar,
            JsonNode workload) throws InjectionException {
        if (primaryLabels == null || primaryLabels.isEmpty()) {
            return true;
        }
        Map<String, String> templateLabels = new java.util.HashMap<>();
        pod.template().path("metadata").path("labels").fields()
                .forEachRemaining(label -> templateLabels.put(label.getKey(), label.getValue().asText()));
        List<Integer> matching = new ArrayList<>();
        for (int index = 0; index < pod.podLabels().size(); index++) {
            Map<String, String> labels = new java.util.HashMap<>(templateLabels);
            labels.putAll(pod.podLabels().get(index));
            if (labels.entrySet().containsAll(primaryLabels.entrySet())) {
                matching.add(index);
            }
        }
        if (matching.isEmpty()) {
            return false;
        }
        if (matching.size() < pod.podLabels().size() && sidecar) {
            throw new InjectionException("spec.primaryPodLabels: " + new java.util.TreeMap<>(primaryLabels)
                    + " select only the pods with replica index " + matching + " of the " + pod.podLabels().size()
                    + " " + pod.replica() + " replicas of " + workload.path("kind").asText() + " (upstream's pod"
                    + " webhook injects those pods alone); one pod template cannot carry the metrics collector for"
                    + " some of its replicas: select whole replica types (e.g. training.kubeflow.org/replica-type),"
                    + " give the job a Chief or Master replica, or use the Push collector");
        }
        return true;
    }

    private static void findPodTemplates(JsonNode node, JsonNode workload, List<PodTemplate> found) {
        if (node.isObject()) {
            if (node.path("spec").path("containers").isArray()) {
                found.add(new PodTemplate((ObjectNode) node, List.of(Map.of()), null));
                return;
            }
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getKey().endsWith("ReplicaSpecs") && field.getValue().isObject()) {
                    replicaTemplates(workload, field.getKey(), (ObjectNode) field.getValue(), found);
                } else {
                    findPodTemplates(field.getValue(), workload, found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> findPodTemplates(element, workload, found));
        }
    }

    private static void replicaTemplates(JsonNode workload, String specsField, ObjectNode replicaSpecs,
            List<PodTemplate> found) {
        Set<String> types = new java.util.HashSet<>();
        replicaSpecs.fieldNames().forEachRemaining(types::add);
        var fields = replicaSpecs.fields();
        while (fields.hasNext()) {
            var replica = fields.next();
            JsonNode template = replica.getValue().path("template");
            if (!template.path("spec").path("containers").isArray()) {
                continue;
            }
            int replicas = TrainingPodLabels.replicas(replica.getValue());
            List<Map<String, String>> pods = new ArrayList<>();
            for (int index = 0; index < replicas; index++) {
                pods.add(TrainingPodLabels.of(workload, specsField, types, replica.getKey(), index));
            }
            found.add(new PodTemplate((ObjectNode) template, pods, replica.getKey()));
        }
    }

    private static ObjectNode container(ObjectNode template, String name) {
        for (JsonNode container : template.path("spec").path("containers")) {
            if (container.isObject() && name != null && name.equals(container.path("name").asText())) {
                return (ObjectNode) container;
            }
        }
        return null;
    }

    private static ArrayNode array(ObjectNode node, String field) {
        if (!node.path(field).isArray()) {
            return node.putArray(field);
        }
        return (ArrayNode) node.get(field);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
