"""Quality and latency of katib-suggestion's algorithms against Optuna's samplers, in one run.

usage: bench_vs_optuna.py STUBS_DIR HOST:PORT SEEDS TRIALS

Quality: median over SEEDS of the best value after TRIALS sequential trials (one suggestion per call) on Branin
(2-d), Hartmann6 and Rosenbrock (4-d), all minimised. Latency: median wall time of one GetSuggestions round trip
(ours) or one ask + suggest (Optuna, in process) with 50 and 200 completed trials on Branin's space.
"""
import math
import statistics
import sys
import time

STUBS, TARGET, SEEDS, TRIALS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, STUBS)

import grpc  # noqa: E402
import optuna  # noqa: E402

from katib.v1beta1 import api_pb2, api_pb2_grpc  # noqa: E402

optuna.logging.set_verbosity(optuna.logging.WARNING)


def branin(x):
    x1, x2 = x
    return ((x2 - 5.1 / (4 * math.pi ** 2) * x1 ** 2 + 5 / math.pi * x1 - 6) ** 2
            + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10)


HA = [1.0, 1.2, 3.0, 3.2]
HA_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HA_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def hartmann6(x):
    return -sum(HA[i] * math.exp(-sum(HA_A[i][j] * (x[j] - HA_P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


PROBLEMS = {
    "branin": (branin, [(-5.0, 10.0), (0.0, 15.0)]),
    "hartmann6": (hartmann6, [(0.0, 1.0)] * 6),
    "rosenbrock4": (rosenbrock, [(-2.0, 2.0)] * 4),
}
PAIRS = [("random", lambda s: optuna.samplers.RandomSampler(seed=s)),
         ("tpe", lambda s: optuna.samplers.TPESampler(seed=s)),
         ("multivariate-tpe", lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True)),
         ("cmaes", lambda s: optuna.samplers.CmaEsSampler(seed=s)),
         ("bayesianoptimization", None)]


def experiment(algorithm, bounds, seed):
    params = [api_pb2.ParameterSpec(name="x%d" % i, parameter_type=api_pb2.DOUBLE,
                                    feasible_space=api_pb2.FeasibleSpace(min=str(lo), max=str(hi)))
              for i, (lo, hi) in enumerate(bounds)]
    return api_pb2.Experiment(name="bench", spec=api_pb2.ExperimentSpec(
        parameter_specs=api_pb2.ExperimentSpec.ParameterSpecs(parameters=params),
        objective=api_pb2.ObjectiveSpec(type=api_pb2.MINIMIZE, objective_metric_name="f"),
        algorithm=api_pb2.AlgorithmSpec(algorithm_name=algorithm, algorithm_settings=[
            api_pb2.AlgorithmSetting(name="random_state", value=str(seed))]),
        parallel_trial_count=1, max_trial_count=TRIALS))


def trial(i, assignments, value):
    return api_pb2.Trial(name="t%d" % i, spec=api_pb2.TrialSpec(
        parameter_assignments=api_pb2.TrialSpec.ParameterAssignments(assignments=assignments)),
        status=api_pb2.TrialStatus(condition=api_pb2.TrialStatus.SUCCEEDED,
                                   start_time="2026-01-01T00:00:00Z",
                                   completion_time="2026-01-01T00:%02d:%02dZ" % (i // 60 % 60, i % 60),
                                   observation=api_pb2.Observation(
                                       metrics=[api_pb2.Metric(name="f", value=repr(value))])))


def ours(stub, algorithm, f, bounds, seed, n):
    exp = experiment(algorithm, bounds, seed)
    trials, best = [], float("inf")
    for i in range(n):
        reply = stub.GetSuggestions(api_pb2.GetSuggestionsRequest(experiment=exp, trials=trials,
                                                                  current_request_number=1), timeout=120)
        assignments = reply.parameter_assignments[0].assignments
        value = f([float(a.value) for a in assignments])
        best = min(best, value)
        trials.append(trial(i, assignments, value))
    return best, trials


def theirs(make_sampler, f, bounds, seed, n):
    study = optuna.create_study(sampler=make_sampler(seed))
    study.optimize(lambda t: f([t.suggest_float("x%d" % i, lo, hi) for i, (lo, hi) in enumerate(bounds)]),
                   n_trials=n)
    return study.best_value


def latency_ours(stub, algorithm, completed):
    f, bounds = PROBLEMS["branin"]
    _, trials = ours(stub, "random", f, bounds, 1, completed)
    exp = experiment(algorithm, bounds, 1)
    request = api_pb2.GetSuggestionsRequest(experiment=exp, trials=trials, current_request_number=1)
    times = []
    for _ in range(5):
        stub.GetSuggestions(request, timeout=120)  # warm up, as Optuna's in-process sampler is
    for _ in range(15):
        start = time.perf_counter()
        stub.GetSuggestions(request, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def latency_theirs(make_sampler, completed):
    f, bounds = PROBLEMS["branin"]
    study = optuna.create_study(sampler=make_sampler(1))
    dists = {"x%d" % i: optuna.distributions.FloatDistribution(lo, hi) for i, (lo, hi) in enumerate(bounds)}
    rnd = optuna.samplers.RandomSampler(seed=1)
    seed_study = optuna.create_study(sampler=rnd)
    seed_study.optimize(lambda t: f([t.suggest_float(k, d.low, d.high) for k, d in dists.items()]),
                        n_trials=completed)
    study.add_trials(seed_study.trials)
    times = []
    for i in range(20):
        start = time.perf_counter()
        t = study.ask()
        for k, d in dists.items():
            t.suggest_float(k, d.low, d.high)
        if i >= 5:
            times.append(time.perf_counter() - start)
        study.tell(t, state=optuna.trial.TrialState.FAIL)
    return statistics.median(times) * 1000


def main():
    channel = grpc.insecure_channel(TARGET)
    grpc.channel_ready_future(channel).result(timeout=60)
    stub = api_pb2_grpc.SuggestionStub(channel)
    print("quality: median best of %d seeds after %d trials (lower is better)" % (SEEDS, TRIALS))
    print("| problem | algorithm | katib-suggestion | optuna %s |" % optuna.__version__)
    print("|---|---|---|---|")
    for name, (f, bounds) in PROBLEMS.items():
        for algorithm, sampler in PAIRS:
            mine = statistics.median(ours(stub, algorithm, f, bounds, s, TRIALS)[0] for s in range(SEEDS))
            other = "n/a"
            if sampler is not None:
                try:
                    other = "%.4f" % statistics.median(theirs(sampler, f, bounds, s, TRIALS) for s in range(SEEDS))
                except (ImportError, ModuleNotFoundError) as e:
                    other = "n/a (%s)" % e.__class__.__name__
            print("| %s | %s | %.4f | %s |" % (name, algorithm, mine, other))
            sys.stdout.flush()
    print()
    print("latency: median ms per suggestion on Branin's space (ours: gRPC round trip; optuna: ask + suggest)")
    print("| algorithm | completed | katib-suggestion | optuna |")
    print("|---|---|---|---|")
    for algorithm, sampler in PAIRS:
        for completed in (50, 200):
            other = "n/a"
            if sampler is not None:
                try:
                    other = "%.2f" % latency_theirs(sampler, completed)
                except (ImportError, ModuleNotFoundError) as e:
                    other = "n/a (%s)" % e.__class__.__name__
            print("| %s | %d | %.2f | %s |" % (algorithm, completed, latency_ours(stub, algorithm, completed), other))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
