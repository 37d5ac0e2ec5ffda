"""Time Optuna's TPE ask + tell at trial 1,000 of a 10-dimensional space (our own measurement script).

usage: /usr/bin/python3 docs/bench/optuna_ask_tell.py [repeats]

The study is first filled with 1,000 complete trials at random points (added directly, so filling is cheap and the
same for every sampler), then each measured step is ask(), ten suggest_float calls (Optuna samples lazily, inside
suggest) and tell(). Prints the median and quartiles of the per-step wall time for TPE (defaults), TPE multivariate
and random sampling as a baseline.
"""
import random
import statistics
import sys
import time

import optuna
from optuna.distributions import FloatDistribution

optuna.logging.set_verbosity(optuna.logging.ERROR)
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
DIMS, HISTORY = 10, 1000
distributions = {f"x{i}": FloatDistribution(0.0, 1.0) for i in range(DIMS)}


def objective(params):
    return sum((params[f"x{i}"] - 0.3) ** 2 for i in range(DIMS))


def filled_study(sampler):
    rng = random.Random(12345)
    study = optuna.create_study(sampler=sampler)
    trials = []
    for _ in range(HISTORY):
        params = {name: rng.random() for name in distributions}
        trials.append(optuna.trial.create_trial(params=params, distributions=distributions, value=objective(params)))
    study.add_trials(trials)
    return study


def measure(name, sampler):
    study = filled_study(sampler)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        trial = study.ask()
        params = {n: trial.suggest_float(n, 0.0, 1.0) for n in distributions}
        study.tell(trial, objective(params))
        times.append(time.perf_counter() - start)
    q = statistics.quantiles(times, n=4)
    print(f"{name:8s} median {statistics.median(times) * 1e3:8.3f} ms  (q25 {q[0] * 1e3:.3f}, q75 {q[2] * 1e3:.3f}, {repeats} steps, trial {HISTORY}..{HISTORY + repeats - 1})", flush=True)


print(f"optuna {optuna.__version__}, {DIMS}-D, ask + {DIMS} suggests + tell at trial {HISTORY}")
measure("random", optuna.samplers.RandomSampler(seed=1))
measure("tpe", optuna.samplers.TPESampler(seed=1))
measure("tpe-mv", optuna.samplers.TPESampler(seed=1, multivariate=True))
