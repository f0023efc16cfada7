"""A Kubeflow-Pipelines-like lineage workload against a running metadata-grpc server.

Usage: kfp_lineage.py STUBS_DIR PORT. The stubs come from proto/python/generate.sh; the calls follow what KFP's
driver and launcher do (facts/mlmd.md §12): contexts for pipeline and run, a root DAG execution, container
executions with input/output events, filtered listing and a lineage subgraph.
"""
import sys
import unittest

sys.path.insert(0, sys.argv[1])
PORT = sys.argv[2]

import grpc  # noqa: E402
from google.protobuf import struct_pb2  # noqa: E402
from ml_metadata.proto import metadata_store_pb2 as mlmd  # noqa: E402
from ml_metadata.proto import metadata_store_service_pb2 as svc  # noqa: E402
from ml_metadata.proto import metadata_store_service_pb2_grpc as svc_grpc  # noqa: E402


def int_value(v):
    return mlmd.Value(int_value=v)


def string_value(v):
    return mlmd.Value(string_value=v)


class KfpLineageTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel("localhost:" + PORT)
        cls.stub = svc_grpc.MetadataStoreServiceStub(cls.channel)
        cls.run_id = "run-" + str(abs(hash(object())))

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def context_type(self, name):
        try:
            return self.stub.GetContextType(svc.GetContextTypeRequest(type_name=name)).context_type.id
        except grpc.RpcError as e:
            self.assertEqual(e.code(), grpc.StatusCode.NOT_FOUND)
            return self.stub.PutContextType(svc.PutContextTypeRequest(
                context_type=mlmd.ContextType(name=name))).type_id

    def test_pipeline_run_lineage(self):
        s = self.stub
        pipeline_type = self.context_type("system.Pipeline")
        run_type = self.context_type("system.PipelineRun")
        pipeline_id = s.PutContexts(svc.PutContextsRequest(contexts=[
            mlmd.Context(type_id=pipeline_type, name="pipe-" + self.run_id)])).context_ids[0]
        run_id = s.PutContexts(svc.PutContextsRequest(contexts=[mlmd.Context(
            type_id=run_type, name=self.run_id,
            custom_properties={"namespace": string_value("kubeflow"),
                               "pipeline_root": string_value("file:///tmp/root")})])).context_ids[0]
        s.PutParentContexts(svc.PutParentContextsRequest(parent_contexts=[
            mlmd.ParentContext(child_id=run_id, parent_id=pipeline_id)]))
        with self.assertRaises(grpc.RpcError) as again:
            s.PutParentContexts(svc.PutParentContextsRequest(parent_contexts=[
                mlmd.ParentContext(child_id=run_id, parent_id=pipeline_id)]))
        self.assertEqual(again.exception.code(), grpc.StatusCode.ALREADY_EXISTS)

        dag_type = s.PutExecutionType(svc.PutExecutionTypeRequest(
            execution_type=mlmd.ExecutionType(name="system.DAGExecution"))).type_id
        container_type = s.PutExecutionType(svc.PutExecutionTypeRequest(
            execution_type=mlmd.ExecutionType(name="system.ContainerExecution"))).type_id
        dataset_type = s.PutArtifactType(svc.PutArtifactTypeRequest(
            artifact_type=mlmd.ArtifactType(name="system.Dataset"))).type_id
        model_type = s.PutArtifactType(svc.PutArtifactTypeRequest(
            artifact_type=mlmd.ArtifactType(name="system.Model"))).type_id
        contexts = [mlmd.Context(id=pipeline_id, type_id=pipeline_type, name="pipe-" + self.run_id),
                    mlmd.Context(id=run_id, type_id=run_type, name=self.run_id)]

        dag_id = s.PutExecution(svc.PutExecutionRequest(
            execution=mlmd.Execution(type_id=dag_type, name="run/" + self.run_id,
                                     last_known_state=mlmd.Execution.RUNNING,
                                     custom_properties={"display_name": string_value("root")}),
            contexts=contexts)).execution_id

        # "ingest" produces a dataset
        ingest = s.PutExecution(svc.PutExecutionRequest(
            execution=mlmd.Execution(type_id=container_type, last_known_state=mlmd.Execution.RUNNING,
                                     custom_properties={"task_name": string_value("ingest"),
                                                        "parent_dag_id": int_value(dag_id)}),
            contexts=contexts))
        dataset_uri = "file:///tmp/root/" + self.run_id + "/ingest/dataset"
        done = s.PutExecution(svc.PutExecutionRequest(
            execution=mlmd.Execution(id=ingest.execution_id, type_id=container_type,
                                     last_known_state=mlmd.Execution.COMPLETE,
                                     custom_properties={"task_name": string_value("ingest"),
                                                        "parent_dag_id": int_value(dag_id)}),
            artifact_event_pairs=[svc.PutExecutionRequest.ArtifactAndEvent(
                artifact=mlmd.Artifact(type_id=dataset_type, uri=dataset_uri, state=mlmd.Artifact.LIVE,
                                       custom_properties={"display_name": string_value("dataset")}),
                event=mlmd.Event(type=mlmd.Event.OUTPUT, path=mlmd.Event.Path(
                    steps=[mlmd.Event.Path.Step(key="dataset")])))],
            contexts=contexts))
        dataset_id = done.artifact_ids[0]

        # "train" reads the dataset and produces a model
        metrics = struct_pb2.Struct()
        metrics.update({"accuracy": 0.9})
        train = s.PutExecution(svc.PutExecutionRequest(
            execution=mlmd.Execution(type_id=container_type, last_known_state=mlmd.Execution.COMPLETE,
                                     custom_properties={"task_name": string_value("train"),
                                                        "parent_dag_id": int_value(dag_id),
                                                        "outputs": mlmd.Value(struct_value=metrics)}),
            artifact_event_pairs=[
                svc.PutExecutionRequest.ArtifactAndEvent(event=mlmd.Event(
                    artifact_id=dataset_id, type=mlmd.Event.INPUT,
                    path=mlmd.Event.Path(steps=[mlmd.Event.Path.Step(key="data")]))),
                svc.PutExecutionRequest.ArtifactAndEvent(
                    artifact=mlmd.Artifact(type_id=model_type, uri=dataset_uri + "/../model"),
                    event=mlmd.Event(type=mlmd.Event.OUTPUT))],
            contexts=contexts))
        model_id = train.artifact_ids[1]

        tasks = s.GetExecutionsByContext(svc.GetExecutionsByContextRequest(
            context_id=run_id, options=mlmd.ListOperationOptions(
                max_result_size=20,
                filter_query="custom_properties.parent_dag_id.int_value = %d" % dag_id)))
        self.assertEqual(sorted(e.custom_properties["task_name"].string_value for e in tasks.executions),
                         ["ingest", "train"])
        stored = s.GetExecutionsByID(svc.GetExecutionsByIDRequest(execution_ids=[train.execution_id]))
        self.assertEqual(stored.executions[0].custom_properties["outputs"].struct_value, metrics)

        by_uri = s.GetArtifactsByURI(svc.GetArtifactsByURIRequest(uris=[dataset_uri]))
        self.assertEqual([a.id for a in by_uri.artifacts], [dataset_id])
        owners = s.GetContextsByArtifact(svc.GetContextsByArtifactRequest(artifact_id=dataset_id))
        self.assertEqual(sorted(c.id for c in owners.contexts), sorted([pipeline_id, run_id]))
        events = s.GetEventsByArtifactIDs(svc.GetEventsByArtifactIDsRequest(artifact_ids=[dataset_id]))
        self.assertEqual(sorted(e.type for e in events.events), sorted([mlmd.Event.INPUT, mlmd.Event.OUTPUT]))

        upstream = s.GetLineageSubgraph(svc.GetLineageSubgraphRequest(
            lineage_subgraph_query_options=mlmd.LineageSubgraphQueryOptions(
                starting_artifacts=mlmd.LineageSubgraphQueryOptions.StartingNodes(
                    filter_query="id = %d" % model_id),
                direction=mlmd.LineageSubgraphQueryOptions.UPSTREAM))).lineage_subgraph
        self.assertEqual(sorted(a.id for a in upstream.artifacts), sorted([dataset_id, model_id]))
        self.assertEqual(sorted(e.id for e in upstream.executions),
                         sorted([ingest.execution_id, train.execution_id]))
        self.assertIn(run_id, [c.id for c in upstream.contexts])

        dags = s.GetExecutions(svc.GetExecutionsRequest(options=mlmd.ListOperationOptions(
            filter_query="contexts_run.name = '%s' AND type = 'system.DAGExecution'" % self.run_id)))
        self.assertEqual([e.id for e in dags.executions], [dag_id])

    def test_bad_filter_is_invalid_argument(self):
        with self.assertRaises(grpc.RpcError) as bad:
            self.stub.GetArtifacts(svc.GetArtifactsRequest(
                options=mlmd.ListOperationOptions(filter_query="invalid syntax")))
        self.assertEqual(bad.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("filter_query", bad.exception.details())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
