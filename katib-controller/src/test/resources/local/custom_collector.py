"""Test custom metrics collector: waits until the trial's output file says the trial is done, reads `loss=` and
`accuracy=` from it and reports them to the DBManager at KATIB_DB_MANAGER_ADDRESS for KATIB_TRIAL_NAME.
Usage: custom_collector.py STUBS_DIR METRICS_FILE"""
import os
import re
import sys
import time
from datetime import datetime, timezone

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402

trial = os.environ["KATIB_TRIAL_NAME"]
path = sys.argv[2]
deadline = time.time() + 30
text = ""
while time.time() < deadline:
    if os.path.exists(path):
        with open(path) as f:
            text = f.read()
        if "trial %s done" % trial in text:
            break
    time.sleep(0.1)
stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
logs = [api_pb2.MetricLog(time_stamp=stamp, metric=api_pb2.Metric(name=name, value=value))
        for name, value in re.findall(r"(loss|accuracy)=([0-9.eE+-]+)", text)]
with grpc.insecure_channel(os.environ["KATIB_DB_MANAGER_ADDRESS"]) as channel:
    api_pb2_grpc.DBManagerStub(channel).ReportObservationLog(
        api_pb2.ReportObservationLogRequest(trial_name=trial, observation_log=api_pb2.ObservationLog(
            metric_logs=logs)), timeout=30)
print("reported %d logs for %s" % (len(logs), trial))
