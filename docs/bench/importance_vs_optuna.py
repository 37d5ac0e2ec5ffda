"""Compare our fANOVA importances with Optuna 3.1's on the same trials, against known true shares.

usage: /usr/bin/python3 docs/bench/importance_vs_optuna.py DIALS_CLI_DLL [seeds]

For each synthetic function below the true first-order variance shares are known in closed form (the functions are
additive, so the shares are exact). For each seed and trial count, random points are drawn once; the same trials are
written as a Dials journal (read by `dials importance --json`) and added to an Optuna study (read by
FanovaImportanceEvaluator). Prints, per function and trial count, the mean absolute error of each tool's shares
against the truth, how often each ranks the truly important dimensions first, and the time each spent computing
(ours: the analysis as the command reports it; Optuna: evaluate()), with the ratio measured in the same run.
"""
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator

optuna.logging.set_verbosity(optuna.logging.ERROR)
cli = sys.argv[1]
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def uniform_dims(names):
    return [(n, "float", 0.0, 1.0) for n in names]


# Variance of u ~ U(0, 1) transforms: Var[(u - 0.5)^2] = 1/180, Var[u] = 1/12, Var[sin(2 pi u)] = 1/2.
A, B, C = math.sqrt(0.6 * 180), math.sqrt(0.3 * 12), math.sqrt(0.1 * 2)
ADDITIVE = {
    "name": "additive6",
    "dims": uniform_dims([f"x{i}" for i in range(6)]),
    "f": lambda p: A * (p["x0"] - 0.5) ** 2 + B * p["x1"] + C * math.sin(2 * math.pi * p["x2"]),
    "truth": {"x0": 0.6, "x1": 0.3, "x2": 0.1, "x3": 0.0, "x4": 0.0, "x5": 0.0},
}

# lr is log-uniform: u = (log10 lr + 5) / 4 is uniform, the term 16 (u - 0.5)^2 has variance 256/180.
# act offsets {0, 0.5, 1.5} have variance 7/18; layers (1..8) times 0.1 has variance 0.01 * 63/12.
MIXED_VARIANCES = {"lr": 256 / 180, "act": 7 / 18, "layers": 0.01 * 63 / 12, "noise": 0.0, "units": 0.0}
MIXED_TOTAL = sum(MIXED_VARIANCES.values())
MIXED = {
    "name": "mixed5",
    "dims": [("lr", "logfloat", 1e-5, 1e-1), ("act", "choice", ["relu", "gelu", "tanh"]), ("layers", "int", 1, 8),
             ("noise", "float", 0.0, 1.0), ("units", "int", 16, 256)],
    "f": lambda p: (math.log10(p["lr"]) + 3) ** 2 + {"relu": 0.0, "gelu": 0.5, "tanh": 1.5}[p["act"]] + 0.1 * p["layers"],
    "truth": {k: v / MIXED_TOTAL for k, v in MIXED_VARIANCES.items()},
}


def draw(dim, rng):
    kind = dim[1]
    if kind == "float":
        return rng.uniform(dim[2], dim[3])
    if kind == "logfloat":
        return math.exp(rng.uniform(math.log(dim[2]), math.log(dim[3])))
    if kind == "int":
        return rng.randint(dim[2], dim[3])
    return rng.choice(dim[2])


def signature_line(dim):
    kind = dim[1]
    if kind == "float":
        return f"{dim[0]}: float in [{dim[2]!r}, {dim[3]!r}]"
    if kind == "logfloat":
        return f"{dim[0]}: float in [{dim[2]!r}, {dim[3]!r}] log"
    if kind == "int":
        return f"{dim[0]}: int in [{dim[2]}, {dim[3]}]"
    return f"{dim[0]}: choice of [{', '.join(json.dumps(c) for c in dim[2])}]"


def internal(dim, value):
    return float(dim[2].index(value)) if dim[1] == "choice" else float(value)


def distribution(dim):
    kind = dim[1]
    if kind == "float":
        return FloatDistribution(dim[2], dim[3])
    if kind == "logfloat":
        return FloatDistribution(dim[2], dim[3], log=True)
    if kind == "int":
        return IntDistribution(dim[2], dim[3])
    return CategoricalDistribution(dim[2])


def write_journal(path, study, fn, trials):
    at = "2026-01-01T00:00:00+00:00"
    with open(path, "w") as journal:
        signature = "\n".join(signature_line(d) for d in fn["dims"])
        journal.write(json.dumps({"op": "study", "study": study, "direction": "Minimize", "space": signature}) + "\n")
        for number, (params, value) in enumerate(trials):
            point = [internal(d, params[d[0]]) for d in fn["dims"]]
            journal.write(json.dumps({"op": "trial", "study": study, "n": number, "at": at}) + "\n")
            journal.write(json.dumps({"op": "point", "study": study, "n": number, "point": point}) + "\n")
            journal.write(json.dumps({"op": "finish", "study": study, "n": number, "state": "Complete", "value": value,
                                      "ticks": 0}) + "\n")


def ours(journal, study):
    out = subprocess.run(["dotnet", cli, "importance", "--storage", f"journal:{journal}", "--study", study, "--json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    return {d["name"]: d["importance"] for d in result["dimensions"]}, result["elapsedMs"] / 1000


def optunas(fn, trials):
    study = optuna.create_study()
    dists = {d[0]: distribution(d) for d in fn["dims"]}
    study.add_trials([optuna.trial.create_trial(params=p, distributions=dists, value=v) for p, v in trials])
    start = time.perf_counter()
    importances = FanovaImportanceEvaluator(seed=0).evaluate(study)
    return dict(importances), time.perf_counter() - start


def mae(shares, truth):
    return sum(abs(shares.get(k, 0.0) - v) for k, v in truth.items()) / len(truth)


def top_correct(shares, truth):
    important = sorted((k for k, v in truth.items() if v > 0.05), key=lambda k: -truth[k])
    ranked = sorted(shares, key=lambda k: -shares[k])[: len(important)]
    return ranked == important


print("| function | trials | MAE ours | MAE Optuna | top ranked right, ours | Optuna | time ours (s) | time Optuna (s) | Optuna / ours |")
print("|---|---|---|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as folder:
    for fn in (ADDITIVE, MIXED):
        for count in (100, 300):
            rows = []
            for seed in range(seeds):
                rng = random.Random(1000 * seed + count)
                trials = []
                for _ in range(count):
                    params = {d[0]: draw(d, rng) for d in fn["dims"]}
                    trials.append((params, fn["f"](params)))
                journal = os.path.join(folder, f"{fn['name']}-{count}-{seed}.jsonl")
                write_journal(journal, "s", fn, trials)
                our_shares, our_time = ours(journal, "s")
                their_shares, their_time = optunas(fn, trials)
                rows.append((mae(our_shares, fn["truth"]), mae(their_shares, fn["truth"]),
                             top_correct(our_shares, fn["truth"]), top_correct(their_shares, fn["truth"]),
                             our_time, their_time))
            mean = lambda i: statistics.mean(r[i] for r in rows)
            right = lambda i: f"{sum(r[i] for r in rows)}/{len(rows)}"
            ratio = statistics.median(r[5] / r[4] for r in rows)
            print(f"| {fn['name']} | {count} | {mean(0):.3f} | {mean(1):.3f} | {right(2)} | {right(3)} | "
                  f"{mean(4):.3f} | {mean(5):.3f} | {ratio:.1f}x |")
