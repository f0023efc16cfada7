package dev.quarkflow.katib.controller.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.TrialTemplate;
import dev.quarkflow.katib.controller.model.TrialTemplate.TrialParameterSpec;

/**
 * The trial template as text and its rendering for one trial: {@code ${trialParameters.<name>}} is replaced, as plain
 * text over the serialized template (upstream's way), by the assignment of the parameter the trialParameter references,
 * or by trial metadata for {@code ${trialSpec.Name|Namespace|Kind|APIVersion|Labels[k]|Annotations[k]}} references.
 */
public final class TrialTemplates {

    static final Pattern PARAMETER_PLACEHOLDER = Pattern.compile("\\$\\{trialParameters\\..+?\\}");
    static final Pattern META_REFERENCE = Pattern.compile("\\$\\{trialSpec\\.(.+?)\\}");
    static final Pattern META_INDEXED = Pattern.compile("(.+)\\[(.+)]");
    static final List<String> META_KEYS = List.of("Name", "Namespace", "Kind", "APIVersion", "Labels",
            "Annotations");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private TrialTemplates() {
    }

    /** Why a template cannot be read or rendered. */
    public static final class TemplateException extends Exception {
        public TemplateException(String message) {
            super(message);
        }
    }

    public static String placeholder(String trialParameterName) {
        return "${trialParameters." + trialParameterName + "}";
    }

    /** The template text: the inline trialSpec as JSON, or the ConfigMap entry as written. */
    public static String templateText(Experiment experiment, TemplateSource templates) throws TemplateException {
        TrialTemplate template = experiment.spec.trialTemplate;
        if (template.trialSpec != null) {
            try {
                return JSON.writeValueAsString(template.trialSpec);
            } catch (JsonProcessingException e) {
                throw new TemplateException("unable to serialize spec.trialTemplate.trialSpec: " + e.getMessage());
            }
        }
        TrialTemplate.ConfigMapSource source = template.configMap;
        return templates.template(source.configMapNamespace, source.configMapName, source.templatePath)
                .orElseThrow(() -> new TemplateException("trial template " + source.templatePath
                        + " not found in ConfigMap " + source.configMapNamespace + "/" + source.configMapName));
    }

    /** Parses rendered template text (JSON or YAML) into an object. */
    public static ObjectNode parse(String text) throws TemplateException {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || !node.isObject()) {
                throw new TemplateException("trial template is not an object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new TemplateException("unable to parse trial template: " + e.getOriginalMessage());
        }
    }

    /** The workload of one trial: the template with its placeholders replaced, named after the trial. */
    public static ObjectNode render(Experiment experiment, String trialName, String namespace,
            List<ParameterAssignment> assignments, TemplateSource templates) throws TemplateException {
        String text = templateText(experiment, templates);
        ObjectNode unrendered = experiment.spec.trialTemplate.trialSpec != null
                ? experiment.spec.trialTemplate.trialSpec
                : parse(text);
        Map<String, String> byParameter = new HashMap<>();
        assignments.forEach(a -> byParameter.put(a.name, a.value));

        Map<String, String> values = new HashMap<>();
        int nonMeta = 0;
        for (TrialParameterSpec parameter : experiment.spec.trialTemplate.trialParametersOrEmpty()) {
            Matcher meta = META_REFERENCE.matcher(parameter.reference);
            if (!meta.find()) {
                String value = byParameter.get(parameter.reference);
                if (value == null) {
                    throw new TemplateException("unable to find parameter " + parameter.reference
                            + " in the parameter assignments " + byParameter);
                }
                values.put(parameter.name, value);
                nonMeta++;
                continue;
            }
            values.put(parameter.name, metadataValue(parameter.reference, meta.group(1), unrendered, trialName,
                    namespace));
        }
        if (assignments.size() != nonMeta) {
            throw new TemplateException("the " + assignments.size() + " parameter assignments do not match the "
                    + nonMeta + " trial parameters that reference spec.parameters");
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(placeholder(value.getKey()), value.getValue());
        }
        ObjectNode runSpec = parse(text);
        ObjectNode metadata = runSpec.with("metadata");
        metadata.put("name", trialName);
        metadata.put("namespace", namespace);
        return runSpec;
    }

    private static String metadataValue(String reference, String key, ObjectNode template, String trialName,
            String namespace) throws TemplateException {
        String index = null;
        Matcher indexed = META_INDEXED.matcher(key);
        if (indexed.matches()) {
            key = indexed.group(1);
            index = indexed.group(2);
        }
        switch (key) {
            case "Name":
                return trialName;
            case "Namespace":
                return namespace;
            case "Kind":
                return template.path("kind").asText("");
            case "APIVersion":
                return template.path("apiVersion").asText("");
            case "Labels":
            case "Annotations":
                JsonNode value = template.path("metadata").path(key.toLowerCase()).path(index == null ? "" : index);
                if (value.isMissingNode() || value.isNull()) {
                    throw new TemplateException("illegal reference of trial metadata: " + reference
                            + "; failed to fetch " + key.substring(0, key.length() - 1) + ": " + index);
                }
                return value.asText();
            default:
                throw new TemplateException("illegal reference of trial metadata: " + reference);
        }
    }

    /** True when a reference names trial metadata ({@code ${trialSpec.Name}}, {@code ${trialSpec.Labels[k]}}, ...). */
    public static boolean isMetadataReference(String reference) {
        Matcher meta = META_REFERENCE.matcher(reference);
        if (!meta.find()) {
            return false;
        }
        String key = meta.group(1);
        if (META_KEYS.contains(key)) {
            return true;
        }
        Matcher indexed = META_INDEXED.matcher(key);
        return indexed.find() && META_KEYS.contains(indexed.group(1));
    }
}
