package dev.quarkflow.pipelineengine.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run- and task-level placeholders ({@code {{$.pipeline_job_name}}}, {@code {{$.pipeline_task_uuid}}} …) of one
 * task. Unknown placeholders are left as they are.
 */
public record SystemPlaceholders(String jobName, String jobResourceName, String jobUuid, String taskName,
        String taskUuid, String pipelineRoot, Instant createTime, Instant scheduleTime, String workspacePath) {

    private static final Pattern SYSTEM = Pattern.compile("\\{\\{\\$\\.(pipeline_[a-z_]+|workspace_path)}}");

    public static SystemPlaceholders of(RunContext run, String taskName, String taskUuid) {
        return new SystemPlaceholders(run.runName(), run.resourceName(), run.runId(), taskName, taskUuid,
                run.pipelineRoot(), run.createTime(), run.scheduleTime(), run.workspacePath());
    }

    /** The value of one system placeholder name (without {@code {{$.}}}), or {@code null} if it is not one. */
    public String value(String name) {
        return switch (name) {
            case "pipeline_job_name" -> jobName;
            case "pipeline_job_resource_name" -> jobResourceName;
            case "pipeline_job_uuid" -> jobUuid;
            case "pipeline_task_name" -> taskName;
            case "pipeline_task_uuid" -> taskUuid;
            case "pipeline_root" -> pipelineRoot;
            case "pipeline_job_create_time_utc" -> DateTimeFormatter.ISO_INSTANT.format(createTime);
            case "pipeline_job_schedule_time_utc" -> DateTimeFormatter.ISO_INSTANT.format(scheduleTime);
            case "workspace_path" -> workspacePath;
            default -> null;
        };
    }

    /** Replaces every known system placeholder in a string. */
    public String substitute(String text) {
        if (text.indexOf("{{$.") < 0) {
            return text;
        }
        Matcher matcher = SYSTEM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Replaces {@code {{$.inputs.parameters['x']}}} with the text of sibling inputs, as in f-string constants. */
    public static String substituteInputs(String text, Map<String, com.google.protobuf.Value> parameters) {
        if (text.indexOf("{{$.inputs.parameters[") < 0) {
            return text;
        }
        Matcher matcher = Placeholders.INPUT_PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            com.google.protobuf.Value value = parameters.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : Values.text(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
