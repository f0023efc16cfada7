package dev.quarkflow.katib.controller.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import dev.quarkflow.katib.controller.engine.TrialPlanner;
import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;

/**
 * Fills a Suggestion up to its {@code spec.requests} with one {@code GetSuggestions} call, as upstream's suggestion
 * client does: the reply must carry exactly the number asked for, or nothing is kept; unnamed assignments are named
 * {@code <experiment>-<8 random characters>}; settings the service echoes are remembered for the next call.
 */
public final class SuggestionSync {

    /** Kubernetes' rand.String alphabet: no vowels, no confusable digits. */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final RandomGenerator random;

    public SuggestionSync(RandomGenerator random) {
        this.random = random;
    }

    /** Thrown when a reply does not match the request; the Suggestion is left as it was. */
    public static final class UnexpectedReplyException extends RuntimeException {
        public UnexpectedReplyException(String message) {
            super(message);
        }
    }

    public static GetSuggestionsRequest request(Experiment experiment, Suggestion suggestion, List<Trial> trials) {
        return GetSuggestionsRequest.newBuilder()
                .setExperiment(ProtoMapper.experiment(experiment, suggestion.status.algorithmSettings))
                .addAllTrials(ProtoMapper.trials(trials))
                .setCurrentRequestNumber(TrialPlanner.toRequest(suggestion))
                .setTotalRequestNumber(suggestion.spec.requests)
                .build();
    }

    /** @return the assignments added (none when the Suggestion already holds what it requests) */
    public List<Suggestion.TrialAssignment> sync(Experiment experiment, Suggestion suggestion, List<Trial> trials,
            SuggestionService service) {
        int wanted = TrialPlanner.toRequest(suggestion);
        if (wanted == 0) {
            return List.of();
        }
        GetSuggestionsReply reply = service.getSuggestions(request(experiment, suggestion, trials));
        if (reply.getParameterAssignmentsCount() != wanted) {
            throw new UnexpectedReplyException("The response contains unexpected trials: asked for " + wanted
                    + ", got " + reply.getParameterAssignmentsCount());
        }
        List<Suggestion.TrialAssignment> added = new ArrayList<>();
        for (GetSuggestionsReply.ParameterAssignments received : reply.getParameterAssignmentsList()) {
            Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
            assignment.name = received.getTrialName().isEmpty() ? experiment.name() + "-" + randomSuffix()
                    : received.getTrialName();
            assignment.parameterAssignments = received.getAssignmentsList().stream()
                    .map(a -> new ParameterAssignment(a.getName(), a.getValue())).toList();
            assignment.labels = ProtoMapper.labelsOrNull(received.getLabelsMap());
            added.add(assignment);
        }
        suggestion.status.mutableSuggestions().addAll(added);
        suggestion.status.suggestionCount = suggestion.status.suggestions.size();
        if (reply.hasAlgorithm()) {
            suggestion.status.algorithmSettings = reply.getAlgorithm().getAlgorithmSettingsList().stream()
                    .map(s -> new AlgorithmSpec.Setting(s.getName(), s.getValue())).toList();
        }
        return added;
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
