package dev.quarkflow.katib.controller.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import dev.quarkflow.katib.controller.engine.EarlyStoppingRules;
import dev.quarkflow.katib.controller.engine.TrialPlanner;
import dev.quarkflow.katib.controller.model.AlgorithmSpec;
import dev.quarkflow.katib.controller.model.EarlyStoppingRule;
import dev.quarkflow.katib.controller.model.Experiment;
import dev.quarkflow.katib.controller.model.ParameterAssignment;
import dev.quarkflow.katib.controller.model.Suggestion;
import dev.quarkflow.katib.controller.model.Trial;
import dev.quarkflow.proto.katib.AlgorithmSetting;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesReply;
import dev.quarkflow.proto.katib.GetEarlyStoppingRulesRequest;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;

/**
 * Fills a Suggestion up to its {@code spec.requests} with one {@code GetSuggestions} call, as upstream's suggestion
 * client does: the reply must carry exactly the number asked for, or nothing is kept; unnamed assignments are named
 * {@code <experiment>-<8 random characters>}; settings the service echoes are merged by name into the Suggestion's
 * {@code status.algorithmSettings} and sent with the next call (hyperband keeps its state this way). With early
 * stopping, {@code GetEarlyStoppingRules} is asked in the same sync and its rules are attached to every assignment of
 * the batch; if it fails, the whole sync fails.
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

    /** Where early-stopping rules come from, and the DBManager address the service reads observation logs at. */
    public record EarlyStopping(EarlyStoppingService service, String dbManagerAddress) {
    }

    /** @return the assignments added (none when the Suggestion already holds what it requests) */
    public List<Suggestion.TrialAssignment> sync(Experiment experiment, Suggestion suggestion, List<Trial> trials,
            SuggestionService service) {
        return sync(experiment, suggestion, trials, service, null);
    }

    /**
     * @param earlyStopping asked for rules when the experiment has {@code earlyStopping}; may be null otherwise
     * @return the assignments added (none when the Suggestion already holds what it requests)
     */
    public List<Suggestion.TrialAssignment> sync(Experiment experiment, Suggestion suggestion, List<Trial> trials,
            SuggestionService service, EarlyStopping earlyStopping) {
        int wanted = TrialPlanner.toRequest(suggestion);
        if (wanted == 0) {
            return List.of();
        }
        GetSuggestionsRequest request = request(experiment, suggestion, trials);
        GetSuggestionsReply reply = service.getSuggestions(request);
        if (reply.getParameterAssignmentsCount() != wanted) {
            throw new UnexpectedReplyException("The response contains unexpected trials: asked for " + wanted
                    + ", got " + reply.getParameterAssignmentsCount());
        }
        List<EarlyStoppingRule> rules = rules(experiment, request, earlyStopping);
        List<Suggestion.TrialAssignment> added = new ArrayList<>();
        for (GetSuggestionsReply.ParameterAssignments received : reply.getParameterAssignmentsList()) {
            Suggestion.TrialAssignment assignment = new Suggestion.TrialAssignment();
            assignment.name = received.getTrialName().isEmpty() ? experiment.name() + "-" + randomSuffix()
                    : received.getTrialName();
            assignment.parameterAssignments = received.getAssignmentsList().stream()
                    .map(a -> new ParameterAssignment(a.getName(), a.getValue())).toList();
            assignment.labels = ProtoMapper.labelsOrNull(received.getLabelsMap());
            assignment.earlyStoppingRules = rules;
            added.add(assignment);
        }
        suggestion.status.mutableSuggestions().addAll(added);
        suggestion.status.suggestionCount = suggestion.status.suggestions.size();
        if (reply.hasAlgorithm()) {
            suggestion.status.algorithmSettings = merge(suggestion.status.algorithmSettings,
                    reply.getAlgorithm().getAlgorithmSettingsList());
        }
        return added;
    }

    /** Upstream replaces a setting of the same name and appends new ones, keeping settings the reply left out. */
    static List<AlgorithmSpec.Setting> merge(List<AlgorithmSpec.Setting> current, List<AlgorithmSetting> echoed) {
        List<AlgorithmSpec.Setting> merged = new ArrayList<>();
        if (current != null) {
            current.forEach(s -> merged.add(new AlgorithmSpec.Setting(s.name, s.value)));
        }
        for (AlgorithmSetting setting : echoed) {
            merged.stream().filter(s -> setting.getName().equals(s.name)).findFirst().ifPresentOrElse(
                    s -> s.value = setting.getValue(),
                    () -> merged.add(new AlgorithmSpec.Setting(setting.getName(), setting.getValue())));
        }
        return merged;
    }

    private static List<EarlyStoppingRule> rules(Experiment experiment, GetSuggestionsRequest request,
            EarlyStopping earlyStopping) {
        if (experiment.spec.earlyStopping == null) {
            return null;
        }
        if (earlyStopping == null) {
            throw new IllegalStateException("experiment " + experiment.name() + " has earlyStopping but no"
                    + " early-stopping service was given");
        }
        GetEarlyStoppingRulesReply reply = earlyStopping.service().getEarlyStoppingRules(
                GetEarlyStoppingRulesRequest.newBuilder().setExperiment(request.getExperiment())
                        .addAllTrials(request.getTrialsList())
                        .setDbManagerAddress(earlyStopping.dbManagerAddress()).build());
        List<EarlyStoppingRule> rules = reply.getEarlyStoppingRulesList().stream()
                .map(r -> new EarlyStoppingRule(r.getName(), r.getValue(),
                        EarlyStoppingRules.comparison(r.getComparison()), r.getStartStep()))
                .toList();
        return rules.isEmpty() ? null : rules;
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
