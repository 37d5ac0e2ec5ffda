"""Optuna 5 reference runs on the shared anchor functions plus four more problems (our own script).

usage:
    PYTHONPATH=/work/optuna5 OMP_NUM_THREADS=1 /usr/bin/python3 docs/bench/optuna5_bench.py \
        OUT.json [trials] [seeds] [functions,...] [samplers,...] [--anchors DIR]
    /usr/bin/python3 docs/bench/optuna5_bench.py --values      # function values at the fixed check points

Functions: branin, hartmann6, rosenbrock4 (imported from the anchors' functions.py; DIR from --anchors, else the
DIALS_ANCHORS environment variable, else /work/shared/anchors), and hartmann3, sixhump, styblinski4, mixed-ic (below;
the simulator's MoreTestFunctions.cs defines the same ones). Samplers: random, tpe (Optuna 5's defaults), cmaes, qmc,
gp (GPSampler(seed=s) with its defaults).

Output, like the anchor script: per function and sampler, the best-so-far regret (best value - known minimum,
floored at 0 like the simulator) at 10/25/50/100/200 trials for every seed, their medians, and the median wall-clock
seconds of a whole study (plus every study's seconds, and its CPU seconds: on a shared, loaded machine those move
less than wall-clock time, the process being single-threaded with OMP_NUM_THREADS=1). OUT.json is rewritten after each function/sampler pair, so a
long run leaves its finished pairs behind; one line per finished study goes to stderr.

The continuous problems are suggested as suggest_float over their box. mixed-ic, a mixed integer/categorical problem
without conditions, minimum 0:
    x  float in [-5, 5]                         xc = (1.5, -2, 3, 0)[k]
    lr float in [1e-4, 1], log                  lc = (-2, -3, -1, -2.5)[k]   (best log10 lr)
    n  int in [0, 40], step 2
    w  int in [1, 1024], log (power-of-two-like)
    c  categorical in (a, b, c, d), k its index floor = (0, 0.4, 0.8, 1.2)[k]
    u = (x - xc) / 2.5,  v = log10(lr) - lc
    f = floor + u^2 + v^2 + 0.8 u v + ((n - 14) / 10)^2 + (log2(w) - 6)^2 / 4
The quadratic form in (u, v) is positive definite, so f = 0 exactly at c = a, x = 1.5, lr = 0.01, n = 14, w = 64, and
the other levels move the best (x, lr) elsewhere at a higher floor.
"""
import argparse
import contextlib
import json
import math
import os
import statistics
import sys
import time

CHECKPOINTS = (10, 25, 50, 100, 200)

# Hartmann's 3-D function (Dixon and Szego). The minimum below is the accurate one (found by L-BFGS-B with gradient
# norm 5e-12); the often quoted -3.86278214782076 lies 2.4e-6 below what the function reaches.
H3_A = [[3.0, 10.0, 30.0], [0.1, 10.0, 35.0], [3.0, 10.0, 30.0], [0.1, 10.0, 35.0]]
H3_P = [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]
H3_ALPHA = [1.0, 1.2, 3.0, 3.2]
H3_MIN = -3.8627797873326633


def hartmann3(x):
    total = 0.0
    for i in range(4):
        inner = sum(H3_A[i][j] * (x[j] - H3_P[i][j] * 1e-4) ** 2 for j in range(3))
        total -= H3_ALPHA[i] * math.exp(-inner)
    return total


def sixhump(x):
    x1, x2 = x
    return (4 - 2.1 * x1 ** 2 + x1 ** 4 / 3) * x1 ** 2 + x1 * x2 + (-4 + 4 * x2 ** 2) * x2 ** 2


def styblinski(x):
    return 0.5 * sum(z ** 4 - 16 * z ** 2 + 5 * z for z in x)


MIXED_LEVELS = ["a", "b", "c", "d"]
MIXED_FLOOR = [0.0, 0.4, 0.8, 1.2]
MIXED_BEST_X = [1.5, -2.0, 3.0, 0.0]
MIXED_BEST_LOG_LR = [-2.0, -3.0, -1.0, -2.5]


def mixed_ic(x, lr, n, w, c):
    k = MIXED_LEVELS.index(c)
    u = (x - MIXED_BEST_X[k]) / 2.5
    v = math.log10(lr) - MIXED_BEST_LOG_LR[k]
    return (MIXED_FLOOR[k] + u * u + v * v + 0.8 * u * v
            + ((n - 14) / 10) ** 2 + (math.log2(w) - 6) ** 2 / 4)


def box_objective(bounds, f):
    return lambda trial: f([trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)])


def mixed_objective(trial):
    return mixed_ic(trial.suggest_float("x", -5.0, 5.0),
                    trial.suggest_float("lr", 1e-4, 1.0, log=True),
                    trial.suggest_int("n", 0, 40, step=2),
                    trial.suggest_int("w", 1, 1024, log=True),
                    trial.suggest_categorical("c", MIXED_LEVELS))


def problems(anchors):
    """name -> (objective(trial), known minimum)."""
    sys.path.insert(0, anchors)
    from functions import FUNCTIONS  # the anchors' branin, hartmann6, rosenbrock4
    table = {name: (box_objective(bounds, f), fmin) for name, (bounds, f, fmin) in FUNCTIONS.items()}
    table["hartmann3"] = (box_objective([(0.0, 1.0)] * 3, hartmann3), H3_MIN)
    table["sixhump"] = (box_objective([(-3.0, 3.0), (-2.0, 2.0)], sixhump), -1.031628453489877)
    table["styblinski4"] = (box_objective([(-5.0, 5.0)] * 4, styblinski), -39.16616570377142 * 4)
    table["mixed-ic"] = (mixed_objective, 0.0)
    return table


# Fixed points whose values the simulator's tests hold as constants (run with --values to recompute them).
CHECK_POINTS = [
    ("hartmann3", [0.0, 0.0, 0.0]), ("hartmann3", [0.5, 0.5, 0.5]), ("hartmann3", [0.2, 0.7, 0.9]),
    ("sixhump", [-3.0, -2.0]), ("sixhump", [0.0, 0.0]), ("sixhump", [1.0, -0.5]),
    ("styblinski4", [-5.0, -5.0, -5.0, -5.0]), ("styblinski4", [0.0, 0.0, 0.0, 0.0]),
    ("styblinski4", [1.0, -2.0, 3.0, -4.0]),
    ("mixed-ic", [-5.0, 1e-4, 0, 1, "d"]), ("mixed-ic", [0.0, 0.1, 20, 100, "b"]),
    ("mixed-ic", [3.0, 0.003, 8, 32, "c"]), ("mixed-ic", [1.5, 0.01, 14, 64, "a"]),
]


def print_values():
    functions = {"hartmann3": hartmann3, "sixhump": sixhump, "styblinski4": styblinski,
                 "mixed-ic": lambda p: mixed_ic(*p)}
    for name, point in CHECK_POINTS:
        print(name, point, repr(functions[name](point)))


def make_sampler(optuna, kind, seed):
    samplers = optuna.samplers
    if kind == "random":
        return samplers.RandomSampler(seed=seed)
    if kind == "tpe":
        return samplers.TPESampler(seed=seed)
    if kind == "cmaes":
        return samplers.CmaEsSampler(seed=seed)
    if kind == "qmc":
        return samplers.QMCSampler(seed=seed)
    if kind == "gp":
        return samplers.GPSampler(seed=seed)
    raise SystemExit("unknown sampler " + kind)


def allow_old_torch():
    """Debian's torch 1.13 has no `with torch.device(...)`, which GPSampler uses once to force the CPU. On a CPU-only
    build that is a no-op, so the GP module gets a torch whose device() is a null context instead of a patched
    Optuna checkout."""
    import torch
    try:
        with torch.device("cpu"):
            return
    except (TypeError, AttributeError):
        pass

    class CpuOnlyTorch:
        def __getattr__(self, name):
            return getattr(torch, name)

        @staticmethod
        def device(*_args, **_kwargs):
            return contextlib.nullcontext()

    import optuna.samplers._gp.sampler as gp_sampler
    gp_sampler.torch = CpuOnlyTorch()


def run(args):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    import warnings
    warnings.simplefilter("ignore")  # experimental-feature and independent-sampling fallbacks, once per study
    if "gp" in args.samplers:
        allow_old_torch()
    table = problems(args.anchors)
    checkpoints = [c for c in CHECKPOINTS if c <= args.trials]
    result = {"optuna": optuna.__version__, "trials": args.trials, "seeds": args.seeds, "checkpoints": checkpoints,
              "runs": {}}
    for name in args.functions:
        objective, fmin = table[name]
        for kind in args.samplers:
            per_seed, seconds, cpu_seconds = [], [], []
            for seed in range(args.seeds):
                study = optuna.create_study(sampler=make_sampler(optuna, kind, seed))
                start, cpu_start = time.perf_counter(), time.process_time()
                study.optimize(objective, n_trials=args.trials)
                seconds.append(time.perf_counter() - start)
                cpu_seconds.append(time.process_time() - cpu_start)
                best, curve = math.inf, []
                for trial in study.trials:
                    best = min(best, trial.value)
                    curve.append(max(best - fmin, 0.0))
                per_seed.append([curve[c - 1] for c in checkpoints])
                print(f"{name} {kind} seed {seed}: {seconds[-1]:.2f}s ({cpu_seconds[-1]:.2f}s CPU), regret {curve[-1]:.4g}", file=sys.stderr,
                      flush=True)
            medians = [statistics.median(s[i] for s in per_seed) for i in range(len(checkpoints))]
            result["runs"][f"{name}/{kind}"] = {"median_regret": medians, "per_seed": per_seed,
                                                "median_study_seconds": statistics.median(seconds),
                                                "study_seconds": seconds,
                                                "median_study_cpu_seconds": statistics.median(cpu_seconds),
                                                "study_cpu_seconds": cpu_seconds}
            print(name, kind, ["%.4g" % m for m in medians], "%.2fs/study" % statistics.median(seconds), flush=True)
            with open(args.out, "w") as handle:
                json.dump(result, handle, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--values", action="store_true", help="print the check points' values and stop")
    parser.add_argument("--anchors", default=os.environ.get("DIALS_ANCHORS", "/work/shared/anchors"))
    parser.add_argument("out", nargs="?")
    parser.add_argument("trials", nargs="?", type=int, default=100)
    parser.add_argument("seeds", nargs="?", type=int, default=20)
    parser.add_argument("functions", nargs="?",
                        default="branin,hartmann6,rosenbrock4,hartmann3,sixhump,styblinski4,mixed-ic")
    parser.add_argument("samplers", nargs="?", default="random,tpe,cmaes,qmc,gp")
    args = parser.parse_args()
    if args.values:
        print_values()
        return
    if args.out is None:
        parser.error("OUT.json is required")
    args.functions = args.functions.split(",")
    args.samplers = args.samplers.split(",")
    unknown = set(args.functions) - set(problems(args.anchors))
    if unknown:
        parser.error("unknown functions: " + ", ".join(sorted(unknown)))
    run(args)


if __name__ == "__main__":
    main()
