"""Markdown tables from one or more optuna5_bench.py outputs: per function, one row per sampler with the median regret
at each checkpoint, the median seconds per study, the fastest study's seconds and the median CPU seconds per study
(the last two are less moved by other load on a shared machine).

usage: /usr/bin/python3 docs/bench/optuna5_tables.py OUT.json [OUT.json ...]
"""
import json
import sys


def fastest(run):
    seconds = run.get("study_seconds")  # absent in the anchor script's output
    return "%.3g" % min(seconds) if seconds else "-"


def cpu(run):
    seconds = run.get("median_study_cpu_seconds")  # recorded since the first runs
    return "%.3g" % seconds if seconds is not None else "-"


def main():
    rows = {}  # function -> list of (sampler, trials, seeds, checkpoints, run)
    for path in sys.argv[1:]:
        with open(path) as handle:
            result = json.load(handle)
        for key, run in result["runs"].items():
            function, sampler = key.split("/")
            rows.setdefault(function, []).append(
                (sampler, result["trials"], len(run["per_seed"]), result["checkpoints"], run))
    for function, entries in rows.items():
        checkpoints = max((e[3] for e in entries), key=len)
        print(f"| {function} | trials x seeds | " + " | ".join(f"@{c}" for c in checkpoints) + " | s/study | min s | CPU s/study |")
        print("|---|---|" + "---:|" * (len(checkpoints) + 3))
        for sampler, trials, seeds, own, run in entries:
            cells = ["%.4g" % run["median_regret"][own.index(c)] if c in own else "-" for c in checkpoints]
            print(f"| {sampler} | {trials} x {seeds} | " + " | ".join(cells)
                  + " | %.3g | %s | %s |" % (run["median_study_seconds"], fastest(run), cpu(run)))
        print()


if __name__ == "__main__":
    main()
