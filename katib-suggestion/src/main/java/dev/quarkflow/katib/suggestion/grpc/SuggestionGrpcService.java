package dev.quarkflow.katib.suggestion.grpc;

import dev.quarkflow.katib.suggestion.algorithm.SuggestionService;
import dev.quarkflow.katib.suggestion.domain.SuggestionRequest;
import dev.quarkflow.proto.katib.GetSuggestionsReply;
import dev.quarkflow.proto.katib.GetSuggestionsRequest;
import dev.quarkflow.proto.katib.Suggestion;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsReply;
import dev.quarkflow.proto.katib.ValidateAlgorithmSettingsRequest;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** {@code api.v1.beta1.Suggestion}: maps the request, asks the algorithm, maps the reply. */
@GrpcService
@Blocking
public class SuggestionGrpcService implements Suggestion {

    private final SuggestionService service;

    public SuggestionGrpcService(SuggestionService service) {
        this.service = service;
    }

    @Override
    public Uni<GetSuggestionsReply> getSuggestions(GetSuggestionsRequest request) {
        return GrpcCalls.call("GetSuggestions", () -> suggest(request,
                request.getExperiment().getSpec().getAlgorithm().getAlgorithmName(),
                request.getExperiment().getName()));
    }

    @WithSpan("katib.suggestion.GetSuggestions")
    GetSuggestionsReply suggest(GetSuggestionsRequest request, @SpanAttribute("katib.algorithm") String algorithm,
            @SpanAttribute("katib.experiment") String experiment) {
        var domain = new SuggestionRequest(ProtoMapping.experiment(request.getExperiment()),
                request.getTrialsList().stream().map(ProtoMapping::trial).toList(),
                request.getCurrentRequestNumber());
        return ProtoMapping.reply(service.suggest(domain));
    }

    @Override
    public Uni<ValidateAlgorithmSettingsReply> validateAlgorithmSettings(ValidateAlgorithmSettingsRequest request) {
        return GrpcCalls.call("ValidateAlgorithmSettings", () -> validate(request,
                request.getExperiment().getSpec().getAlgorithm().getAlgorithmName()));
    }

    @WithSpan("katib.suggestion.ValidateAlgorithmSettings")
    ValidateAlgorithmSettingsReply validate(ValidateAlgorithmSettingsRequest request,
            @SpanAttribute("katib.algorithm") String algorithm) {
        service.validate(ProtoMapping.experiment(request.getExperiment()));
        return ValidateAlgorithmSettingsReply.getDefaultInstance();
    }
}
