#!/usr/bin/env python3
# Optuna 5 NSGAIISampler (defaults: population 50) and RandomSampler on ZDT1 (30 variables in [0, 1]), hypervolume at
# the reference (11, 11) (MultiObjectiveProblem.Reference) after 200 and 300 trials, seeds 0 to SEEDS - 1; the Dials side
# is nsga2_zdt1.cs. Usage: PYTHONPATH=/work/optuna5 /usr/bin/python3 docs/bench/optuna_nsga2_zdt1.py SEEDS
import sys, math, numpy as np, optuna
from optuna._hypervolume import compute_hypervolume
optuna.logging.set_verbosity(optuna.logging.WARNING)

def zdt1(trial):
    x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(30)]
    g = 1 + 9 * sum(x[1:]) / 29
    return x[0], g * (1 - math.sqrt(x[0] / g))

def hv(trials, n):
    pts = np.array([t.values for t in trials[:n]])
    pts = pts[np.all(pts < 11, axis=1)]
    return compute_hypervolume(pts, np.array([11.0, 11.0])) if len(pts) else 0.0

for name, make in [("nsga2", lambda s: optuna.samplers.NSGAIISampler(seed=s)), ("random", lambda s: optuna.samplers.RandomSampler(seed=s))]:
    rows = []
    for seed in range(int(sys.argv[1])):
        study = optuna.create_study(directions=["minimize", "minimize"], sampler=make(seed))
        study.optimize(zdt1, n_trials=300)
        rows.append((hv(study.trials, 200), hv(study.trials, 300)))
    print(name, "hv@200", [round(r[0], 3) for r in rows], "median", round(float(np.median([r[0] for r in rows])), 3),
          "hv@300", [round(r[1], 3) for r in rows], "median", round(float(np.median([r[1] for r in rows])), 3), flush=True)
