"""Drives Quarkflow's katib-suggestion as an external Katib controller would, with stubs generated from our protos
and Debian's python3-grpcio.

usage: katib_controller_client.py GENERATED_DIR HOST:PORT
"""
import sys
import unittest

GENERATED, TARGET = sys.argv[1:3]
sys.path.insert(0, GENERATED)

import grpc  # noqa: E402

from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402

HEALTH_CHECK = "/grpc.health.v1.Health/Check"


def parameters():
    return [
        api_pb2.ParameterSpec(name="lr", parameter_type=api_pb2.DOUBLE,
                              feasible_space=api_pb2.FeasibleSpace(min="0.001", max="0.1",
                                                                   distribution=api_pb2.LOG_UNIFORM)),
        api_pb2.ParameterSpec(name="layers", parameter_type=api_pb2.INT,
                              feasible_space=api_pb2.FeasibleSpace(min="1", max="5")),
        api_pb2.ParameterSpec(name="dropout", parameter_type=api_pb2.DOUBLE,
                              feasible_space=api_pb2.FeasibleSpace(min="0.1", max="0.5", step="0.1")),
        api_pb2.ParameterSpec(name="optimizer", parameter_type=api_pb2.CATEGORICAL,
                              feasible_space=api_pb2.FeasibleSpace(list=["sgd", "adam"])),
    ]


def experiment(algorithm, settings=None, params=None, parallel=3, max_trials=12):
    return api_pb2.Experiment(
        name="py-exp",
        spec=api_pb2.ExperimentSpec(
            parameter_specs=api_pb2.ExperimentSpec.ParameterSpecs(parameters=params or parameters()),
            objective=api_pb2.ObjectiveSpec(type=api_pb2.MAXIMIZE, objective_metric_name="accuracy",
                                            additional_metric_names=["loss"]),
            algorithm=api_pb2.AlgorithmSpec(
                algorithm_name=algorithm,
                algorithm_settings=[api_pb2.AlgorithmSetting(name=k, value=v) for k, v in (settings or {}).items()]),
            parallel_trial_count=parallel,
            max_trial_count=max_trials,
        ),
    )


def finished_trial(name, reply_assignments, accuracy, labels=None):
    return api_pb2.Trial(
        name=name,
        spec=api_pb2.TrialSpec(
            objective=api_pb2.ObjectiveSpec(type=api_pb2.MAXIMIZE, objective_metric_name="accuracy"),
            parameter_assignments=api_pb2.TrialSpec.ParameterAssignments(assignments=reply_assignments),
            labels=labels or {}),
        status=api_pb2.TrialStatus(
            start_time="2026-01-01T00:00:00Z", completion_time="2026-01-01T00:05:00Z",
            condition=api_pb2.TrialStatus.SUCCEEDED,
            observation=api_pb2.Observation(metrics=[api_pb2.Metric(name="accuracy", value=str(accuracy)),
                                                     api_pb2.Metric(name="loss", value="0.1")])))


class SuggestionClientTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel(TARGET)
        cls.stub = api_pb2_grpc.SuggestionStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def test_health_answers_serving_for_katibs_probe_name(self):
        check = self.channel.unary_unary(HEALTH_CHECK, request_serializer=lambda b: b,
                                         response_deserializer=lambda b: b)
        name = b"manager.v1beta1.Suggestion"
        response = check(b"\x0a" + bytes([len(name)]) + name, timeout=10)
        self.assertEqual(response, b"\x08\x01")  # status: SERVING

    def test_every_hpo_algorithm_answers_exact_counts_over_rounds(self):
        for algorithm in ["random", "tpe", "multivariate-tpe", "cmaes", "sobol", "bayesianoptimization", "grid"]:
            with self.subTest(algorithm=algorithm):
                params = parameters()
                if algorithm == "grid":
                    params[0].feasible_space.step = "0.01"  # grid needs a step on every DOUBLE
                exp = experiment(algorithm, {"random_state": "3"}, params)
                trials = []
                for count in [2, 1, 3]:
                    reply = self.stub.GetSuggestions(api_pb2.GetSuggestionsRequest(
                        experiment=exp, trials=trials, current_request_number=count,
                        total_request_number=len(trials) + count), timeout=60)
                    self.assertEqual(len(reply.parameter_assignments), count)
                    for pa in reply.parameter_assignments:
                        names = [a.name for a in pa.assignments]
                        self.assertEqual(names, ["lr", "layers", "dropout", "optimizer"])
                        trials.append(finished_trial("t%d" % len(trials), pa.assignments,
                                                     float(pa.assignments[0].value)))

    def test_invalid_settings_are_invalid_argument_naming_the_setting(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.stub.ValidateAlgorithmSettings(api_pb2.ValidateAlgorithmSettingsRequest(
                experiment=experiment("tpe", {"gamma": "1.5"})), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("gamma should be in the range of (0, 1)", caught.exception.details())
        with self.assertRaises(grpc.RpcError) as caught:
            self.stub.GetSuggestions(api_pb2.GetSuggestionsRequest(
                experiment=experiment("unknown"), current_request_number=1), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("unknown algorithm name unknown", caught.exception.details())
        self.stub.ValidateAlgorithmSettings(api_pb2.ValidateAlgorithmSettingsRequest(
            experiment=experiment("bayesianoptimization", {"acq_func": "EI", "n_initial_points": "3"})), timeout=10)

    def test_hyperband_state_travels_in_the_reply_settings(self):
        params = parameters() + [api_pb2.ParameterSpec(name="epochs", parameter_type=api_pb2.INT,
                                                       feasible_space=api_pb2.FeasibleSpace(min="1", max="9"))]
        exp = experiment("hyperband", {"r_l": "9", "resource_name": "epochs", "eta": "3"}, params, parallel=9)
        reply = self.stub.GetSuggestions(api_pb2.GetSuggestionsRequest(experiment=exp, current_request_number=9),
                                         timeout=30)
        state = {s.name: s.value for s in reply.algorithm.algorithm_settings}
        self.assertEqual(len(reply.parameter_assignments), 9)
        self.assertEqual(state["evaluating_trials"], "9")
        trials = [finished_trial("h%d" % i, pa.assignments, i / 10.0)
                  for i, pa in enumerate(reply.parameter_assignments)]
        merged = dict({s.name: s.value for s in exp.spec.algorithm.algorithm_settings}, **state)
        exp.spec.algorithm.ClearField("algorithm_settings")
        exp.spec.algorithm.algorithm_settings.extend(
            [api_pb2.AlgorithmSetting(name=k, value=v) for k, v in merged.items()])
        promoted = self.stub.GetSuggestions(api_pb2.GetSuggestionsRequest(
            experiment=exp, trials=trials, current_request_number=3), timeout=30)
        self.assertEqual(len(promoted.parameter_assignments), 3)
        for pa in promoted.parameter_assignments:
            self.assertEqual({a.name: a.value for a in pa.assignments}["epochs"], "3")

    def test_pbt_names_trials_and_labels_generations(self):
        params = [api_pb2.ParameterSpec(name="lr", parameter_type=api_pb2.DOUBLE,
                                        feasible_space=api_pb2.FeasibleSpace(min="0.01", max="0.05", step="0.01"))]
        exp = experiment("pbt", {"suggestion_trial_dir": "/var/log/katib/checkpoints/", "n_population": "5",
                                 "truncation_threshold": "0.2"}, params, parallel=5)
        reply = self.stub.GetSuggestions(api_pb2.GetSuggestionsRequest(experiment=exp, current_request_number=5),
                                         timeout=30)
        self.assertEqual(len(reply.parameter_assignments), 5)
        for pa in reply.parameter_assignments:
            self.assertTrue(pa.trial_name.startswith("py-exp-"))
            self.assertEqual(pa.labels["pbt.suggestion.katib.kubeflow.org/generation"], "0")


class EarlyStoppingClientTest(unittest.TestCase):

    def test_validate_medianstop_settings(self):
        with grpc.insecure_channel(TARGET) as channel:
            stub = api_pb2_grpc.EarlyStoppingStub(channel)
            stub.ValidateEarlyStoppingSettings(api_pb2.ValidateEarlyStoppingSettingsRequest(
                early_stopping=api_pb2.EarlyStoppingSpec(algorithm_name="medianstop", algorithm_settings=[
                    api_pb2.EarlyStoppingSetting(name="min_trials_required", value="2")])), timeout=10)
            with self.assertRaises(grpc.RpcError) as caught:
                stub.ValidateEarlyStoppingSettings(api_pb2.ValidateEarlyStoppingSettingsRequest(
                    early_stopping=api_pb2.EarlyStoppingSpec(algorithm_name="medianstop", algorithm_settings=[
                        api_pb2.EarlyStoppingSetting(name="start_step", value="0")])), timeout=10)
            self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
