package dev.quarkflow.katib.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class JobStatusTest {

    private static final String ARGO_SUCCESS = "status.[@this].#(phase==\"Succeeded\")#";
    private static final String ARGO_FAILURE = "status.[@this].#(phase==\"Failed\")#";
    private static final String PYTORCH_FAILURE = "status.conditions.#(type==\"Succeeded\")#|#(status==\"False\")#";

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void batchJobComplete_isSucceeded_withTheConditionsReason() throws Exception {
        JsonNode job = json("""
                {"status":{"conditions":[{"type":"Complete","status":"True","reason":"Done","message":"ok"}]}}""");

        JobStatus status = JobStatus.of(job, ExperimentDefaults.JOB_SUCCESS, ExperimentDefaults.JOB_FAILURE)
                .orElseThrow();

        assertThat(status).isEqualTo(new JobStatus(JobStatus.Condition.SUCCEEDED, "Done", "ok"));
    }

    @Test
    void failureIsCheckedFirst_andAFalseConditionDoesNotCount() throws Exception {
        JsonNode both = json("""
                {"status":{"conditions":[{"type":"Complete","status":"True"},
                 {"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}""");
        JsonNode falseFailed = json("""
                {"status":{"conditions":[{"type":"Failed","status":"False"}]}}""");

        assertThat(JobStatus.of(both, ExperimentDefaults.JOB_SUCCESS, ExperimentDefaults.JOB_FAILURE).orElseThrow()
                .condition()).isEqualTo(JobStatus.Condition.FAILED);
        assertThat(JobStatus.of(falseFailed, ExperimentDefaults.JOB_SUCCESS, ExperimentDefaults.JOB_FAILURE)
                .orElseThrow().condition()).isEqualTo(JobStatus.Condition.RUNNING);
    }

    @Test
    void argoWorkflowPhase_matchesThroughTheThisMultipath() throws Exception {
        JsonNode succeeded = json("{\"status\":{\"phase\":\"Succeeded\"}}");
        JsonNode running = json("{\"status\":{\"phase\":\"Running\"}}");

        assertThat(JobStatus.of(succeeded, ARGO_SUCCESS, ARGO_FAILURE).orElseThrow().condition())
                .isEqualTo(JobStatus.Condition.SUCCEEDED);
        assertThat(JobStatus.of(running, ARGO_SUCCESS, ARGO_FAILURE).orElseThrow().condition())
                .isEqualTo(JobStatus.Condition.RUNNING);
    }

    @Test
    void mpiJobFailure_isSucceededFalse() throws Exception {
        JsonNode job = json("{\"status\":{\"conditions\":[{\"type\":\"Succeeded\",\"status\":\"False\"}]}}");

        assertThat(JobStatus.of(job, ExperimentDefaults.KUBEFLOW_JOB_SUCCESS, PYTORCH_FAILURE).orElseThrow()
                .condition()).isEqualTo(JobStatus.Condition.FAILED);
    }

    @Test
    void gjsonDotAfterAllMatchesQuery_mapsOverMatches() throws Exception {
        JsonNode doc = json("{\"friends\":[{\"age\":44,\"last\":\"Murphy\"},{\"age\":68,\"last\":\"Craig\"},"
                + "{\"age\":47,\"last\":\"Murphy\"}]}");

        assertThat(Gjson.get(doc, "friends.#(age>45)#.last").toString()).isEqualTo("[\"Craig\",\"Murphy\"]");
        assertThat(Gjson.get(doc, "friends.#(last==\"Murphy\").age").asInt()).isEqualTo(44);
        assertThat(Gjson.get(doc, "friends.#").asInt()).isEqualTo(3);
        assertThat(Gjson.get(doc, "friends.1.last").asText()).isEqualTo("Craig");
    }
}
