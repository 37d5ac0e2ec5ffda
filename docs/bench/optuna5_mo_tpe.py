"""Hypervolume of Optuna 5's multi-objective TPE on ZDT1 and DTLZ2 (3 objectives), the anchor for Dials' MOTPE.

usage: PYTHONPATH=/work/optuna5 OMP_NUM_THREADS=1 /usr/bin/python3 docs/bench/optuna5_mo_tpe.py \
           [trials] [seeds] [problems,...] [samplers,...]

Samplers: tpe (Optuna 5's defaults: univariate for several objectives, constant liar), tpe-mv (multivariate=True),
random. The problems and reference points are those of src/Dials.Simulation/MultiObjectiveProblems.cs: ZDT1 with 30
variables at (11, 11), DTLZ2 with 12 variables at (1.5, 1.5, 1.5). Prints, per problem and sampler, the median
hypervolume over the seeds of the trials so far at 50, 100 and 200 trials (optuna._hypervolume.compute_hypervolume
of the points strictly better than the reference).
"""
import math
import statistics
import sys

import numpy as np
import optuna
from optuna._hypervolume import compute_hypervolume

optuna.logging.set_verbosity(optuna.logging.WARNING)

trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
problems = sys.argv[3].split(",") if len(sys.argv) > 3 else ["zdt1", "dtlz2"]
samplers = sys.argv[4].split(",") if len(sys.argv) > 4 else ["tpe"]
checkpoints = [c for c in (50, 100, 200) if c <= trials]


def zdt1(x):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return [x[0], g * (1 - math.sqrt(x[0] / g))]


def dtlz2(x):
    g = sum((v - 0.5) ** 2 for v in x[2:])
    a, b = x[0] * math.pi / 2, x[1] * math.pi / 2
    return [(1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)]


PROBLEMS = {"zdt1": (zdt1, 30, [11.0, 11.0]), "dtlz2": (dtlz2, 12, [1.5, 1.5, 1.5])}


def make(kind, seed):
    if kind == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if kind == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if kind == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError(kind)


def hypervolume(values, reference):
    ref = np.asarray(reference)
    inside = [v for v in values if all(a < r for a, r in zip(v, reference))]
    return 0.0 if not inside else float(compute_hypervolume(np.asarray(inside), ref))


for name in problems:
    function, variables, reference = PROBLEMS[name]
    for kind in samplers:
        per_seed = []
        for seed in range(seeds):
            study = optuna.create_study(directions=["minimize"] * len(reference), sampler=make(kind, seed))
            study.optimize(lambda t: function([t.suggest_float(f"x{i}", 0, 1) for i in range(variables)]),
                           n_trials=trials)
            values = [t.values for t in study.trials]
            per_seed.append([hypervolume(values[:c], reference) for c in checkpoints])
        medians = [statistics.median(s[i] for s in per_seed) for i in range(len(checkpoints))]
        print(name, kind, " ".join(f"@{c}={m:.4f}" for c, m in zip(checkpoints, medians)), flush=True)
