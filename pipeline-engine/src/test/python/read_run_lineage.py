"""Reads one run's lineage from ML Metadata as upstream's Python clients do, and prints it as JSON.

Usage: read_run_lineage.py STUBS_DIR PORT RUN_ID. The stubs come from proto/python/generate.sh. The run context is
found by type system.PipelineRun and name RUN_ID; then its parent pipeline context, executions, artifacts and the
executions' events are read through MetadataStoreService, and artifact <- execution -> artifact edges are derived
(an OUTPUT event of one execution and an INPUT event of another on the same artifact). Exits non-zero when the run
context is missing or an event points outside the run.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
PORT, RUN_ID = sys.argv[2], sys.argv[3]

import grpc  # noqa: E402
from google.protobuf import json_format  # noqa: E402
from ml_metadata.proto import metadata_store_pb2 as mlmd  # noqa: E402
from ml_metadata.proto import metadata_store_service_pb2 as svc  # noqa: E402
from ml_metadata.proto import metadata_store_service_pb2_grpc as svc_grpc  # noqa: E402


def value(v):
    kind = v.WhichOneof("value")
    if kind == "struct_value":
        return json_format.MessageToDict(v.struct_value)
    return getattr(v, kind) if kind else None


def properties(node):
    return {k: value(v) for k, v in sorted(node.custom_properties.items())}


def main():
    with grpc.insecure_channel("127.0.0.1:" + PORT) as channel:
        stub = svc_grpc.MetadataStoreServiceStub(channel)
        run = stub.GetContextByTypeAndName(svc.GetContextByTypeAndNameRequest(
            type_name="system.PipelineRun", context_name=RUN_ID), timeout=30)
        if not run.HasField("context"):
            sys.exit("no system.PipelineRun context named %s" % RUN_ID)
        run = run.context
        parents = stub.GetParentContextsByContext(svc.GetParentContextsByContextRequest(context_id=run.id),
                                                  timeout=30).contexts
        executions = stub.GetExecutionsByContext(svc.GetExecutionsByContextRequest(context_id=run.id),
                                                 timeout=30).executions
        artifacts = stub.GetArtifactsByContext(svc.GetArtifactsByContextRequest(context_id=run.id),
                                               timeout=30).artifacts
        events = stub.GetEventsByExecutionIDs(svc.GetEventsByExecutionIDsRequest(
            execution_ids=[e.id for e in executions]), timeout=30).events

    task_names = {e.id: properties(e).get("task_name") for e in executions}
    uris = {a.id: a.uri for a in artifacts}
    for event in events:
        if event.artifact_id not in uris:
            sys.exit("event on artifact %d, which is not attributed to the run" % event.artifact_id)

    def step(event):
        return event.path.steps[0].key if event.path.steps else None

    outputs = [e for e in events if e.type == mlmd.Event.OUTPUT]
    inputs = [e for e in events if e.type == mlmd.Event.INPUT]
    edges = [{"producer": task_names[o.execution_id], "output": step(o), "artifact": uris[o.artifact_id],
              "consumer": task_names[i.execution_id], "input": step(i)}
             for o in outputs for i in inputs if o.artifact_id == i.artifact_id]
    print(json.dumps({
        "run_context": {"id": run.id, "name": run.name, "type": run.type, "custom": properties(run)},
        "parents": [{"id": p.id, "name": p.name, "type": p.type} for p in parents],
        "executions": [{"id": e.id, "type": e.type, "name": e.name,
                        "state": mlmd.Execution.State.Name(e.last_known_state), "custom": properties(e)}
                       for e in executions],
        "artifacts": [{"id": a.id, "type": a.type, "uri": a.uri, "state": mlmd.Artifact.State.Name(a.state),
                       "custom": properties(a)} for a in artifacts],
        "events": [{"execution": e.execution_id, "artifact": e.artifact_id, "type": mlmd.Event.Type.Name(e.type),
                    "key": step(e)} for e in events],
        "edges": edges,
    }, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
