"""Test trial: minimises (x-1)^2 + y and pushes loss and accuracy itself to the DBManager, as Katib's SDK
report_metrics does (trial name from KATIB_TRIAL_NAME, UTC timestamp, values str()'d). argv[1] is the directory of
the generated api.v1.beta1 stubs."""
import argparse
import os
import sys
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("stubs")
parser.add_argument("--x", type=float, required=True)
parser.add_argument("--y", type=int, required=True)
args = parser.parse_args()
sys.path.insert(0, args.stubs)

import grpc  # noqa: E402
from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402


def report_metrics(metrics, db_manager_address):
    name = os.environ["KATIB_TRIAL_NAME"]
    timestamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with grpc.insecure_channel(db_manager_address) as channel:
        api_pb2_grpc.DBManagerStub(channel).ReportObservationLog(
            api_pb2.ReportObservationLogRequest(
                trial_name=name,
                observation_log=api_pb2.ObservationLog(metric_logs=[
                    api_pb2.MetricLog(time_stamp=timestamp, metric=api_pb2.Metric(name=k, value=str(v)))
                    for k, v in metrics.items()])),
            timeout=30)


loss = (args.x - 1) ** 2 + args.y
report_metrics({"loss": loss + 1, "accuracy": 0.5}, os.environ["KATIB_DB_MANAGER_ADDRESS"])
report_metrics({"loss": loss, "accuracy": 0.75}, os.environ["KATIB_DB_MANAGER_ADDRESS"])
print("trial done")
