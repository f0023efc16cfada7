"""A minimal external Katib algorithm service: random search over api.v1.beta1, Python standard library + grpcio.

Usage: python3 random_suggestion.py STUBS_DIR PORT
Prints "listening on PORT" once serving. Stateless, like upstream's services: every call carries the experiment.
"""
import random
import sys
from concurrent import futures

sys.path.insert(0, sys.argv[1])

import grpc  # noqa: E402
from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402


def sample(parameter):
    space = parameter.feasible_space
    if parameter.parameter_type == api_pb2.DOUBLE:
        return repr(random.uniform(float(space.min), float(space.max)))
    if parameter.parameter_type == api_pb2.INT:
        return str(random.randint(int(space.min), int(space.max)))
    return random.choice(list(space.list))


class RandomSuggestion(api_pb2_grpc.SuggestionServicer):
    def GetSuggestions(self, request, context):
        parameters = request.experiment.spec.parameter_specs.parameters
        reply = api_pb2.GetSuggestionsReply()
        for _ in range(request.current_request_number):
            assignments = reply.parameter_assignments.add()
            for parameter in parameters:
                assignments.assignments.add(name=parameter.name, value=sample(parameter))
        return reply

    def ValidateAlgorithmSettings(self, request, context):
        if request.experiment.spec.algorithm.algorithm_name != "random":
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "unknown algorithm name " + request.experiment.spec.algorithm.algorithm_name)
        return api_pb2.ValidateAlgorithmSettingsReply()


def main():
    port = sys.argv[2]
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    api_pb2_grpc.add_SuggestionServicer_to_server(RandomSuggestion(), server)
    server.add_insecure_port("127.0.0.1:" + port)
    server.start()
    print("listening on " + port, flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
