"""Optuna on the cases where TPE is weak, defined exactly as src/Dials.Cli/Simulation/TpeCases.cs defines them.

usage: PYTHONPATH=$OPTUNA5 /usr/bin/python3 tpe_cases.py OUT.json [trials] [first_seed] [seeds] [cases,...] [samplers,...]
    cases: cat4x5, branch, sphere20 (default: all three); samplers: tpe (Optuna's defaults), random (default: tpe)

Prints, per case and sampler, the median best-so-far regret at 10/25/50/100/200/300 trials and, for the cases with a
basin (cat4x5, branch), the median number of trials until a value below the basin (a seed that never got there
counts as trials + 1) and how many seeds got there, the same summary `dials simulate` prints. OUT.json holds every
seed's figures.
"""
import json, math, statistics, sys
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

# cat4x5: per dimension, the cost of each of its five levels; one level per dimension costs nothing.
LEVELS = ["a", "b", "c", "d", "e"]
LEVEL_COSTS = [
    [0.6, 0.0, 1.0, 0.3, 0.8],
    [0.3, 0.9, 0.5, 0.0, 1.0],
    [0.0, 0.7, 0.4, 1.0, 0.2],
    [0.9, 0.4, 0.2, 0.6, 0.0],
]

def cat4x5(trial):
    return sum(LEVEL_COSTS[i][LEVELS.index(trial.suggest_categorical(f"c{i}", LEVELS))] for i in range(4))

# branch: SGD reaches 0 only where momentum and learning rate are tuned together; Adam's best is 0.3, RMSprop's 0.45.
def branch(trial):
    optimizer = trial.suggest_categorical("optimizer", ["sgd", "adam", "rmsprop"])
    if optimizer == "sgd":
        lr = trial.suggest_float("sgd_lr", 1e-5, 1, log=True)
        momentum = trial.suggest_float("sgd_momentum", 0, 0.99)
        step = (math.log10(lr) - math.log10(1 - momentum) - (-2 - math.log10(0.05))) / 0.25
        m = (momentum - 0.95) / 0.05
        return 1.2 * (1 - math.exp(-0.5 * (step * step + m * m)))
    if optimizer == "adam":
        lr = trial.suggest_float("adam_lr", 1e-5, 1, log=True)
        beta1 = trial.suggest_float("adam_beta1", 0.5, 0.99)
        return 0.3 + 0.1 * (math.log10(lr) + 3) ** 2 + 2 * (beta1 - 0.9) ** 2
    lr = trial.suggest_float("rmsprop_lr", 1e-5, 1, log=True)
    rho = trial.suggest_float("rmsprop_rho", 0.5, 0.99)
    return 0.45 + 0.1 * (math.log10(lr) + 2.5) ** 2 + 2 * (rho - 0.9) ** 2

SPHERE_CENTRE = [1.5, -2.0, 0.5, 3.0, -1.0, 2.5, -3.5, 1.0, -0.5, 2.0,
                 -2.5, 0.0, 3.5, -1.5, 1.0, -3.0, 2.0, -0.5, 0.5, -2.0]

def sphere20(trial):
    return sum((trial.suggest_float(f"x{i}", -5, 5) - c) ** 2 for i, c in enumerate(SPHERE_CENTRE))

# name -> (objective, optimum, basin: the value below which a trial is in the optimum's basin, or None)
CASES = {"cat4x5": (cat4x5, 0.0, 0.1), "branch": (branch, 0.0, 0.3), "sphere20": (sphere20, 0.0, None)}

def make(kind, seed):
    if kind == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if kind == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise SystemExit("unknown sampler " + kind)

def main():
    out = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    first_seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    seeds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    names = sys.argv[5].split(",") if len(sys.argv) > 5 else list(CASES)
    samplers = sys.argv[6].split(",") if len(sys.argv) > 6 else ["tpe"]
    checkpoints = [c for c in (10, 25, 50, 100, 200, 300) if c <= trials]
    result = {"optuna": optuna.__version__, "trials": trials, "first_seed": first_seed, "seeds": seeds,
              "checkpoints": checkpoints, "runs": {}}
    for name in names:
        objective, optimum, basin = CASES[name]
        for kind in samplers:
            per_seed, to_basin = [], []
            for seed in range(first_seed, first_seed + seeds):
                study = optuna.create_study(sampler=make(kind, seed))
                study.optimize(objective, n_trials=trials)
                best, curve, reached = math.inf, [], None
                for n, t in enumerate(study.trials, start=1):
                    best = min(best, t.value)
                    curve.append(best - optimum)
                    if reached is None and basin is not None and best < basin:
                        reached = n
                per_seed.append([curve[c - 1] for c in checkpoints])
                to_basin.append(reached)
            medians = [statistics.median(s[i] for s in per_seed) for i in range(len(checkpoints))]
            run = {"median_regret": medians, "per_seed": per_seed}
            line = f"{name} {kind} regret " + " ".join(f"@{c}={m:.4g}" for c, m in zip(checkpoints, medians))
            if basin is not None:
                median = statistics.median(t if t is not None else trials + 1 for t in to_basin)
                hits = sum(t is not None for t in to_basin)
                run.update(trials_to_basin=to_basin, median_trials_to_basin=median, seeds_reaching_basin=hits)
                shown = f">{trials}" if median > trials else f"{median:g}"
                line += f" | trials to basin {shown} ({hits}/{seeds})"
            result["runs"][f"{name}/{kind}"] = run
            print(line, flush=True)
    with open(out, "w") as f:
        json.dump(result, f, indent=1)

if __name__ == "__main__":
    main()
