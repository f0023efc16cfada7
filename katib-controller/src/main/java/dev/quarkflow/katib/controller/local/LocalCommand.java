package dev.quarkflow.katib.controller.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a local trial runs: the primary container's {@code command} + {@code args} and its literal {@code env} values,
 * found anywhere in the rendered workload (a Job's pod template, a PyTorchJob's replica, an Argo template, a TrainJob's
 * trainer...). The image is ignored.
 */
public record LocalCommand(List<String> argv, Map<String, String> env, Optional<String> workingDir) {

    /** Why a workload cannot run as a local process. */
    public static final class NotRunnableException extends Exception {
        public NotRunnableException(String message) {
            super(message);
        }
    }

    /** The same command with {@code extra} variables added (the template's own win). */
    public LocalCommand withEnv(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(extra);
        merged.putAll(env);
        return new LocalCommand(argv, merged, workingDir);
    }

    public static LocalCommand of(JsonNode runSpec, String primaryContainerName) throws NotRunnableException {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(runSpec, containers);
        List<JsonNode> withCommand = containers.stream().filter(c -> c.has("command")).toList();
        JsonNode container = containers.stream()
                .filter(c -> primaryContainerName != null && primaryContainerName.equals(c.path("name").asText()))
                .findFirst()
                .or(() -> withCommand.size() == 1 ? Optional.of(withCommand.get(0)) : Optional.empty())
                .orElseThrow(() -> new NotRunnableException("no container named " + primaryContainerName
                        + " in the trial template (and no single container with a command)"));
        List<String> argv = new ArrayList<>();
        container.path("command").forEach(part -> argv.add(part.asText()));
        container.path("args").forEach(part -> argv.add(part.asText()));
        if (!container.has("command")) {
            throw new NotRunnableException("container " + container.path("name").asText()
                    + " has no command; locally the image's entrypoint is unknown");
        }
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(variable -> {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        });
        String workingDir = container.path("workingDir").asText("");
        return new LocalCommand(argv, env, workingDir.isEmpty() ? Optional.empty() : Optional.of(workingDir));
    }

    private static void collectContainers(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("containers") && field.getValue().isArray()) {
                    field.getValue().forEach(found::add);
                } else if (field.getKey().equals("container") && field.getValue().isObject()) {
                    found.add(field.getValue());
                } else if (field.getKey().equals("trainer") && field.getValue().has("command")) {
                    // a TrainJob's trainer overrides its runtime's trainer container ("node"): image, command, args
                    // and env, as a container has them
                    found.add(field.getValue());
                }
                collectContainers(field.getValue(), found);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectContainers(element, found));
        }
    }
}
