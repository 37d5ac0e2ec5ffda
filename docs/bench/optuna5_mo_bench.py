"""Optuna 5 reference runs on the multi-objective problems of `dials simulate` (our own script).

usage:
    PYTHONPATH=$OPTUNA5 OMP_NUM_THREADS=1 /usr/bin/python3 docs/bench/optuna5_mo_bench.py \
        OUTDIR [trials] [seeds] [problems,...] [samplers,...]
    PYTHONPATH=$OPTUNA5 /usr/bin/python3 docs/bench/optuna5_mo_bench.py --values   # the fixed check the tests hold
    /usr/bin/python3 docs/bench/optuna5_mo_bench.py --table DIR [DIR...]            # Markdown table of result files

OPTUNA5 is a folder holding Optuna 5.0's source (docs/benchmarks.md says how to set it up). Problems: zdt1, zdt2,
zdt3, dtlz1, dtlz2, binh-korn, fonseca, defined below exactly as src/Dials.Simulation/MultiObjectiveProblems.cs defines them:
the same variables (x0, x1, ... as suggest_float over the same bounds), objectives (all minimised), constraints,
reference points and optimal hypervolumes. Samplers: tpe (TPESampler(seed=s) with Optuna 5's defaults, which is its
multi-objective TPE on such a study), nsga2 (NSGAIISampler(seed=s)), random. The constrained problem passes its
constraints as constraints_func, so the samplers see them as Optuna users give them.

Measure: after each trial, the hypervolume at the problem's reference point of the feasible complete trials so far
(optuna._hypervolume.compute_hypervolume over those strictly better than the reference in every objective; infeasible
trials never count), as the simulator's HypervolumeCurve. Output: OUTDIR/PROBLEM.json in the shape `dials simulate
--out` writes (CurvesJson): measure, optimum (the optimal hypervolume), reference, checkpoints, and per sampler the
checkpoint medians and their fraction of the optimum, per-trial median and quartiles, every seed's curve, and every
study's wall-clock and CPU seconds. A file is rewritten after each problem/sampler pair, keeping the other samplers
already in it, so samplers can be run one process at a time and a long run leaves its finished pairs behind; one line
per finished study goes to stderr.
"""
import argparse
import glob
import json
import math
import os
import statistics
import sys
import time

ZDT3_FRONT_INTEGRAL = -0.04442600742435601
ZDT3_LOWEST_SECOND = -0.7733690123266406
FONSECA_OPTIMUM_AT_ONE = 0.3421155931198939  # the front's dominated area at (1, 1), SciPy's quad


def zdt(second):
    def evaluate(x):
        g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
        return [x[0], second(x[0], g)]
    return evaluate


def dtlz1(x):
    g = sum(1 + (v - 0.5) ** 2 - math.cos(20 * math.pi * (v - 0.5)) for v in x[2:])
    half = 0.5 * (1 + 100 * g)
    return [half * x[0] * x[1], half * x[0] * (1 - x[1]), half * (1 - x[0])]


def dtlz2(x):
    g = sum((v - 0.5) ** 2 for v in x[2:])
    a, b = x[0] * math.pi / 2, x[1] * math.pi / 2
    return [(1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)]


def binh_korn(x):
    return [4 * x[0] ** 2 + 4 * x[1] ** 2, (x[0] - 5) ** 2 + (x[1] - 5) ** 2]


def fonseca(x):
    c = 1 / math.sqrt(len(x))
    return [1 - math.exp(-sum((v - c) ** 2 for v in x)), 1 - math.exp(-sum((v + c) ** 2 for v in x))]


def binh_korn_constraints(x):
    return [(x[0] - 5) ** 2 + x[1] ** 2 - 25, 7.7 - (x[0] - 8) ** 2 - (x[1] + 3) ** 2]


def problems():
    """name -> dict(bounds, evaluate, constraints or None, reference, optimum = the optimal hypervolume there)."""
    unit = lambda n: [(0.0, 1.0)] * n
    return {
        "zdt1": dict(bounds=unit(30), evaluate=zdt(lambda f1, g: g * (1 - math.sqrt(f1 / g))), constraints=None,
                     reference=[11.0, 11.0], optimum=11 * 11 - 1 / 3),
        "zdt2": dict(bounds=unit(30), evaluate=zdt(lambda f1, g: g * (1 - (f1 / g) ** 2)), constraints=None,
                     reference=[11.0, 11.0], optimum=11 * 11 - 2 / 3),
        "zdt3": dict(bounds=unit(30),
                     evaluate=zdt(lambda f1, g: g * (1 - math.sqrt(f1 / g) - f1 / g * math.sin(10 * math.pi * f1))),
                     constraints=None, reference=[11.0, 11.0],
                     optimum=11 * 11 - ZDT3_FRONT_INTEGRAL - (11 - 1) * ZDT3_LOWEST_SECOND),
        "dtlz1": dict(bounds=unit(7), evaluate=dtlz1, constraints=None, reference=[100.0] * 3,
                      optimum=100.0 ** 3 - 1 / 48),
        "dtlz2": dict(bounds=unit(12), evaluate=dtlz2, constraints=None, reference=[1.5] * 3,
                      optimum=1.5 ** 3 - math.pi / 6),
        "binh-korn": dict(bounds=[(0.0, 5.0), (0.0, 3.0)], evaluate=binh_korn, constraints=binh_korn_constraints,
                          reference=[140.0, 50.0], optimum=140 * 50 - 4 * 140 - 3464 / 3),
        "fonseca": dict(bounds=[(-4.0, 4.0)] * 3, evaluate=fonseca, constraints=None, reference=[1.0, 1.0],
                        optimum=FONSECA_OPTIMUM_AT_ONE),
    }


def checkpoints(trials):
    """The simulator's checkpoints: 10, 25, 50, 100, 200 and further doublings up to the trials, then the trials."""
    points = [c for c in (10, 25, 50, 100) if c <= trials]
    c = 200
    while c <= trials:
        points.append(c)
        c *= 2
    if not points or points[-1] != trials:
        points.append(trials)
    return points


def hypervolume_curve(values, feasible, reference):
    """After each trial, the hypervolume of the feasible complete trials so far strictly inside the reference.
    values[i] is None for a trial that did not complete."""
    import numpy as np
    from optuna._hypervolume import compute_hypervolume
    ref = np.asarray(reference, dtype=float)
    inside, curve, volume = [], [], 0.0
    for v, ok in zip(values, feasible):
        if v is not None and ok and all(a < r for a, r in zip(v, reference)):
            inside.append(v)
            volume = float(compute_hypervolume(np.asarray(inside, dtype=float), ref))
        curve.append(volume)
    return curve


def quantile(values, q):
    """Linear interpolation between order statistics, the simulator's (and NumPy's default) rule."""
    s = sorted(values)
    position = q * (len(s) - 1)
    lower = int(math.floor(position))
    upper = min(lower + 1, len(s) - 1)
    return s[lower] + (position - lower) * (s[upper] - s[lower])


def make_sampler(optuna, kind, seed, constraints_func):
    samplers = optuna.samplers
    if kind == "tpe":
        return samplers.TPESampler(seed=seed, constraints_func=constraints_func)
    if kind == "nsga2":
        return samplers.NSGAIISampler(seed=seed, constraints_func=constraints_func)
    if kind == "random":
        return samplers.RandomSampler(seed=seed)
    raise SystemExit("unknown sampler " + kind)


def run_study(optuna, problem, kind, seed, trials):
    bounds, evaluate, constraints = problem["bounds"], problem["evaluate"], problem["constraints"]

    def objective(trial):
        x = [trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]
        if constraints is not None:
            trial.set_user_attr("constraints", constraints(x))
        return evaluate(x)

    constraints_func = (lambda t: t.user_attrs["constraints"]) if constraints is not None else None
    study = optuna.create_study(directions=["minimize"] * len(problem["reference"]),
                                sampler=make_sampler(optuna, kind, seed, constraints_func))
    start, cpu_start = time.perf_counter(), time.process_time()
    study.optimize(objective, n_trials=trials)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    complete = optuna.trial.TrialState.COMPLETE
    values = [list(t.values) if t.state == complete else None for t in study.trials]
    # The constraint values the objective recorded, which are also what constraints_func hands the sampler.
    feasible = [all(c <= 0 for c in t.user_attrs.get("constraints", [])) for t in study.trials]
    return hypervolume_curve(values, feasible, problem["reference"]), seconds, cpu


def entry(curves, seconds, cpu, points, optimum):
    trials = len(curves[0])
    median = [statistics.median(c[t] for c in curves) for t in range(trials)]
    at = [median[c - 1] for c in points]
    return {"checkpoint_median": at,
            "median": median,
            "q25": [quantile([c[t] for c in curves], 0.25) for t in range(trials)],
            "q75": [quantile([c[t] for c in curves], 0.75) for t in range(trials)],
            "per_seed": curves,
            "median_study_seconds": statistics.median(seconds), "study_seconds": seconds,
            "checkpoint_median_fraction": [m / optimum for m in at],
            "median_study_cpu_seconds": statistics.median(cpu), "study_cpu_seconds": cpu}


def run(args):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    import warnings
    warnings.simplefilter("ignore")  # experimental-feature warnings (constraints_func), once per study
    os.makedirs(args.out, exist_ok=True)
    table = problems()
    points = checkpoints(args.trials)
    for name in args.problems:
        problem = table[name]
        path = os.path.join(args.out, name + ".json")
        result = {"function": name, "measure": "hypervolume", "optimum": problem["optimum"], "trials": args.trials,
                  "seeds": args.seeds, "first_seed": args.first_seed, "checkpoints": points, "samplers": {},
                  "reference": problem["reference"], "optuna": optuna.__version__}
        if os.path.exists(path):
            with open(path) as handle:
                old = json.load(handle)
            if (old.get("trials"), old.get("seeds"), old.get("first_seed", 0)) == (args.trials, args.seeds, args.first_seed):
                result["samplers"] = old["samplers"]
        for kind in args.samplers:
            curves, seconds, cpu = [], [], []
            for seed in range(args.first_seed, args.first_seed + args.seeds):
                curve, s, c = run_study(optuna, problem, kind, seed, args.trials)
                curves.append(curve)
                seconds.append(s)
                cpu.append(c)
                print(f"{name} {kind} seed {seed}: {s:.2f}s ({c:.2f}s CPU), hypervolume {curve[-1]:.6g}",
                      file=sys.stderr, flush=True)
            result["samplers"][kind] = entry(curves, seconds, cpu, points, problem["optimum"])
            print(name, kind, ["%.6g" % m for m in result["samplers"][kind]["checkpoint_median"]],
                  "%.2fs/study" % statistics.median(seconds), flush=True)
            with open(path, "w") as handle:
                json.dump(result, handle, indent=1)


def check_points(bounds, count=40):
    """A fixed, easily repeated set of points of a box: coordinate j of point i is ((i + 1) (j + 7) 37 mod 211) / 211
    of the way from its lower to its upper bound."""
    return [[lo + (hi - lo) * ((i + 1) * (j + 7) * 37 % 211) / 211 for j, (lo, hi) in enumerate(bounds)]
            for i in range(count)]


def print_values():
    """Per problem, the hypervolume curve (at the simulator's checkpoints of 40 trials) of the check points evaluated
    in order, with Optuna's hypervolume: HypervolumeCurveTests holds these numbers."""
    for name, problem in problems().items():
        xs = check_points(problem["bounds"])
        values = [problem["evaluate"](x) for x in xs]
        feasible = [problem["constraints"] is None or all(c <= 0 for c in problem["constraints"](x)) for x in xs]
        curve = hypervolume_curve(values, feasible, problem["reference"])
        print(name, "feasible", sum(feasible), "of", len(xs), [repr(curve[c - 1]) for c in checkpoints(len(xs))])


def print_table(folders):
    """One Markdown row per problem and sampler found in the folders' JSON files (ours or Optuna's: same shape),
    grouped by problem in the simulator's order, then in the order of the folders given."""
    order = list(problems())
    rows = []
    for rank, folder in enumerate(folders):
        for path in glob.glob(os.path.join(folder, "*.json")):
            with open(path) as handle:
                data = json.load(handle)
            if data.get("measure") != "hypervolume" or data["function"] not in order:
                continue
            source = "Optuna 5" if "optuna" in data else "Dials"
            for kind, e in data["samplers"].items():
                cells = []
                for c in (50, 100, 200):
                    if c in data["checkpoints"]:
                        i = data["checkpoints"].index(c)
                        cells.append("%.6g (%.4f)" % (e["checkpoint_median"][i], e["checkpoint_median_fraction"][i]))
                    else:
                        cells.append("-")
                rows.append(((order.index(data["function"]), rank),
                             f"| {data['function']} | {source} {kind} | " + " | ".join(cells) + " |"))
    print("| problem | sampler | @50 | @100 | @200 |")
    print("|---|---|---:|---:|---:|")
    for _, row in sorted(rows, key=lambda r: r[0]):
        print(row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--values", action="store_true", help="print the fixed check's hypervolumes and stop")
    parser.add_argument("--table", action="store_true", help="print a Markdown table of the JSON files in the folders")
    parser.add_argument("out", nargs="*")
    args, rest = parser.parse_known_args()
    if args.values:
        print_values()
        return
    if args.table:
        print_table(args.out)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("trials", nargs="?", type=int, default=200)
    parser.add_argument("seeds", nargs="?", type=int, default=20)
    parser.add_argument("problems", nargs="?", default="zdt1,zdt2,zdt3,dtlz1,dtlz2,binh-korn,fonseca")
    parser.add_argument("samplers", nargs="?", default="tpe,nsga2")
    parser.add_argument("--first-seed", type=int, default=0, help="seeds first-seed .. first-seed + seeds - 1")
    args = parser.parse_args()
    args.problems = args.problems.split(",")
    args.samplers = args.samplers.split(",")
    unknown = set(args.problems) - set(problems())
    if unknown:
        parser.error("unknown problems: " + ", ".join(sorted(unknown)))
    run(args)


if __name__ == "__main__":
    main()
