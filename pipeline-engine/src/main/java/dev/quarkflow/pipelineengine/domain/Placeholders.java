package dev.quarkflow.pipelineengine.domain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.quarkflow.proto.pipelinespec.ArtifactList;
import dev.quarkflow.proto.pipelinespec.ExecutorInput;
import dev.quarkflow.proto.pipelinespec.RuntimeArtifact;

/**
 * Resolves the placeholder language of a container's {@code command}/{@code args} against its
 * {@link ExecutorInput} (facts §7): {@code IfPresent} and {@code Concat} elements first, then every
 * {@code {{$…}}} inside strings.
 *
 * <pre>{@code
 * List<String> argv = new Placeholders(executorInput, system, ArtifactPaths::localPath).resolve(container.getArgsList());
 * }</pre>
 *
 * @param localPath maps an artifact URI to the local path a process reads or writes
 */
public record Placeholders(ExecutorInput executorInput, SystemPlaceholders system, UnaryOperator<String> localPath) {

    static final Pattern INPUT_PARAMETER = Pattern.compile("\\{\\{\\$\\.inputs\\.parameters\\[['\"](.+?)['\"]]}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\$(.*?)}}");
    private static final Pattern IO = Pattern
            .compile("\\.(inputs|outputs)\\.(parameters|artifacts)\\[['\"](.+?)['\"]](.*)");
    private static final Pattern METADATA_KEY = Pattern.compile("\\.metadata\\[['\"](.+?)['\"]]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A placeholder that cannot be resolved (unknown form, or an input that has no value). */
    public static final class PlaceholderException extends RuntimeException {
        public PlaceholderException(String message) {
            super(message);
        }
    }

    /** Resolves a command or args list: structured elements expand (possibly to several or no elements). */
    public List<String> resolve(List<String> elements) {
        List<String> out = new ArrayList<>();
        for (String element : elements) {
            JsonNode structured = structured(element);
            if (structured == null) {
                out.add(substitute(element));
            } else {
                out.addAll(expand(structured));
            }
        }
        return out;
    }

    /** Replaces every {@code {{$…}}} placeholder in one string. */
    public String substitute(String text) {
        if (text.indexOf("{{$") < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static JsonNode structured(String element) {
        String trimmed = element.trim();
        if (!trimmed.startsWith("{\"IfPresent\"") && !trimmed.startsWith("{\"Concat\"")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> expand(JsonNode node) {
        if (node.isTextual()) {
            JsonNode nested = structured(node.asText());
            return nested == null ? List.of(substitute(node.asText())) : expand(nested);
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(item -> out.addAll(expand(item)));
            return out;
        }
        if (node.has("IfPresent")) {
            JsonNode spec = node.get("IfPresent");
            String input = spec.path("InputName").asText();
            JsonNode branch = isPresent(input) ? spec.get("Then") : spec.get("Else");
            return branch == null || branch.isNull() ? List.of() : expand(branch);
        }
        if (node.has("Concat")) {
            StringBuilder joined = new StringBuilder();
            node.get("Concat").forEach(item -> expand(item).forEach(joined::append));
            return List.of(joined.toString());
        }
        throw new PlaceholderException("unknown structured placeholder " + node);
    }

    private boolean isPresent(String input) {
        Value parameter = executorInput.getInputs().getParameterValuesMap().get(input);
        if (parameter != null) {
            return parameter.getKindCase() != Value.KindCase.NULL_VALUE;
        }
        ArtifactList artifacts = executorInput.getInputs().getArtifactsMap().get(input);
        return artifacts != null && artifacts.getArtifactsCount() > 0;
    }

    private String value(String body) {
        if (body.isEmpty()) {
            return Values.json(executorInput);
        }
        if (body.equals(".outputs.output_file") || body.equals(".outputMetadataUri")) {
            return executorInput.getOutputs().getOutputFile();
        }
        Matcher io = IO.matcher(body);
        if (io.matches()) {
            boolean input = io.group(1).equals("inputs");
            return io.group(2).equals("parameters")
                    ? parameter(input, io.group(3), io.group(4))
                    : artifact(input, io.group(3), io.group(4));
        }
        String system = body.startsWith(".") ? this.system.value(body.substring(1)) : null;
        if (system == null) {
            throw new PlaceholderException("unknown placeholder {{$" + body + "}}");
        }
        return system;
    }

    private String parameter(boolean input, String name, String suffix) {
        if (input) {
            Value value = executorInput.getInputs().getParameterValuesMap().get(name);
            if (value == null || !suffix.isEmpty()) {
                throw new PlaceholderException("input parameter '" + name + "' has no value");
            }
            return Values.text(value);
        }
        var output = executorInput.getOutputs().getParametersMap().get(name);
        if (output == null || !suffix.equals(".output_file")) {
            throw new PlaceholderException("no output parameter placeholder '" + name + "'" + suffix);
        }
        return output.getOutputFile();
    }

    private String artifact(boolean input, String name, String suffix) {
        var lists = input ? executorInput.getInputs().getArtifactsMap() : executorInput.getOutputs().getArtifactsMap();
        ArtifactList list = lists.get(name);
        String kind = input ? "input" : "output";
        if (list == null || list.getArtifactsCount() == 0) {
            throw new PlaceholderException(kind + " artifact '" + name + "' has no value");
        }
        if (suffix.isEmpty()) {
            // the artifacts as a JSON array of RuntimeArtifact objects (what container components parse)
            com.google.protobuf.ListValue.Builder array = com.google.protobuf.ListValue.newBuilder();
            list.getArtifactsList().forEach(a -> array.addValues(Values.parseValue(Values.json(a))));
            return Values.json(Value.newBuilder().setListValue(array).build());
        }
        RuntimeArtifact artifact = list.getArtifacts(0);
        switch (suffix) {
            case ".uri":
                return artifact.getUri();
            case ".path":
                return localPath.apply(artifact.getUri());
            case ".metadata":
                return Values.json(artifact.getMetadata());
            default:
                break;
        }
        Matcher key = METADATA_KEY.matcher(suffix);
        if (key.matches()) {
            Struct metadata = artifact.getMetadata();
            Value value = metadata.getFieldsMap().get(key.group(1));
            if (value == null) {
                throw new PlaceholderException(kind + " artifact '" + name + "' has no metadata '" + key.group(1) + "'");
            }
            return Values.text(value);
        }
        throw new PlaceholderException("unknown artifact placeholder suffix '" + suffix + "' of '" + name + "'");
    }
}
