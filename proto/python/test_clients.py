"""Checks Quarkflow's protos from Python, with the stubs generate.sh wrote and Debian's python3-grpcio.

usage: test_clients.py GENERATED_DIR JAVA_FIXTURES_DIR KFP_CORPUS_DIR

- Every compiled pipeline in the KFP corpus parses (unknown fields rejected) into our ml_pipelines.PipelineSpec
  and round-trips through the wire format.
- Where Java wrote the same pipeline in binary (JAVA_FIXTURES_DIR/<relative path>.pb), Python reads Java's bytes
  as the message it parsed itself: both languages agree on the wire.
- A Katib Suggestion call and an MLMD call go over a real gRPC socket through the generated stubs.
"""
import json
import os
import sys
import unittest
from concurrent import futures

GENERATED, JAVA_FIXTURES, CORPUS = sys.argv[1:4]
sys.path.insert(0, GENERATED)

import grpc  # noqa: E402
import yaml  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402
from ml_metadata.proto import metadata_store_pb2, metadata_store_service_pb2  # noqa: E402
from ml_metadata.proto import metadata_store_service_pb2_grpc  # noqa: E402
from ml_pipelines import pipeline_spec_pb2  # noqa: E402


def corpus_files():
    for root, _, names in os.walk(CORPUS):
        for name in sorted(names):
            if name.endswith((".yaml", ".json")):
                yield os.path.relpath(os.path.join(root, name), CORPUS)


def parse_pipeline(relative):
    with open(os.path.join(CORPUS, relative)) as handle:
        first = next(yaml.safe_load_all(handle))
    spec = pipeline_spec_pb2.PipelineSpec()
    json_format.ParseDict(json.loads(json.dumps(first)), spec, ignore_unknown_fields=False)
    return spec


class PipelineSpecTest(unittest.TestCase):

    def test_corpus_parses_and_round_trips(self):
        files = list(corpus_files())
        self.assertGreater(len(files), 100, "the KFP corpus should hold over 100 compiled pipelines")
        for relative in files:
            with self.subTest(file=relative):
                spec = parse_pipeline(relative)
                self.assertTrue(spec.pipeline_info.name)
                copy = pipeline_spec_pb2.PipelineSpec.FromString(spec.SerializeToString())
                self.assertEqual(copy, spec)

    def test_java_bytes_equal_python_parse(self):
        fixtures = []
        for root, _, names in os.walk(JAVA_FIXTURES):
            fixtures += [os.path.relpath(os.path.join(root, n), JAVA_FIXTURES) for n in names if n.endswith(".pb")]
        self.assertGreater(len(fixtures), 100, "Java should have written every corpus pipeline")
        for fixture in sorted(fixtures):
            with self.subTest(file=fixture):
                with open(os.path.join(JAVA_FIXTURES, fixture), "rb") as handle:
                    from_java = pipeline_spec_pb2.PipelineSpec.FromString(handle.read())
                self.assertEqual(from_java, parse_pipeline(fixture[:-len(".pb")]))


class EchoSuggestion(api_pb2_grpc.SuggestionServicer):
    """Answers with as many assignments as asked for, naming the experiment's algorithm."""

    def GetSuggestions(self, request, context):
        algorithm = request.experiment.spec.algorithm.algorithm_name
        return api_pb2.GetSuggestionsReply(parameter_assignments=[
            api_pb2.GetSuggestionsReply.ParameterAssignments(
                assignments=[api_pb2.ParameterAssignment(name="algorithm", value=algorithm)])
            for _ in range(request.current_request_number)])


class EchoStore(metadata_store_service_pb2_grpc.MetadataStoreServiceServicer):

    def PutArtifactType(self, request, context):
        if not request.artifact_type.name:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "artifact_type.name: must not be empty")
        return metadata_store_service_pb2.PutArtifactTypeResponse(type_id=7)


class GrpcStubsTest(unittest.TestCase):

    def setUp(self):
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
        api_pb2_grpc.add_SuggestionServicer_to_server(EchoSuggestion(), self.server)
        metadata_store_service_pb2_grpc.add_MetadataStoreServiceServicer_to_server(EchoStore(), self.server)
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.channel = grpc.insecure_channel("127.0.0.1:%d" % port)

    def tearDown(self):
        self.channel.close()
        self.server.stop(None)

    def test_suggestion_round_trip_on_upstream_method_path(self):
        stub = api_pb2_grpc.SuggestionStub(self.channel)
        request = api_pb2.GetSuggestionsRequest(
            experiment=api_pb2.Experiment(name="random-example", spec=api_pb2.ExperimentSpec(
                algorithm=api_pb2.AlgorithmSpec(algorithm_name="random"))),
            current_request_number=3)

        reply = stub.GetSuggestions(request, timeout=10)

        self.assertEqual(len(reply.parameter_assignments), 3)
        self.assertEqual(reply.parameter_assignments[0].assignments[0].value, "random")
        self.assertEqual(api_pb2.DESCRIPTOR.services_by_name["Suggestion"].full_name, "api.v1.beta1.Suggestion")

    def test_metadata_store_status_codes_cross_the_wire(self):
        stub = metadata_store_service_pb2_grpc.MetadataStoreServiceStub(self.channel)

        ok = stub.PutArtifactType(metadata_store_service_pb2.PutArtifactTypeRequest(
            artifact_type=metadata_store_pb2.ArtifactType(name="system.Dataset")), timeout=10)
        with self.assertRaises(grpc.RpcError) as error:
            stub.PutArtifactType(metadata_store_service_pb2.PutArtifactTypeRequest(), timeout=10)

        self.assertEqual(ok.type_id, 7)
        self.assertEqual(error.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("artifact_type.name", error.exception.details())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
