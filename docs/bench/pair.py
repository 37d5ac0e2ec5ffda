"""Times two commands as whole processes, alternated, and compares them pair by pair.

    python3 docs/bench/pair.py N COMMAND_A... -- COMMAND_B...

Runs A and B once each to warm up, then N times alternately (A B A B ...), so that a change in the machine's load
falls on both. For each run it takes the process's CPU time (user + system, from wait4, to the microsecond) and its
wall-clock time, and prints each side's median and range and the ratio A/B taken pair by pair (median and range).
Standard output of the commands is discarded.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(command)} failed ({status})")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def spread(values):
    return f"{statistics.median(values):.4f} ({min(values):.4f}-{max(values):.4f})"


def main():
    if len(sys.argv) < 5 or "--" not in sys.argv[2:]:
        sys.exit(__doc__)
    pairs = int(sys.argv[1])
    rest = sys.argv[2:]
    split = rest.index("--")
    first, second = rest[:split], rest[split + 1:]
    run(first)
    run(second)
    a, b = [], []
    for _ in range(pairs):
        a.append(run(first))
        b.append(run(second))
    print("A cpu", spread([x[0] for x in a]), "wall", spread([x[1] for x in a]))
    print("B cpu", spread([x[0] for x in b]), "wall", spread([x[1] for x in b]))
    print("A/B cpu", spread([x[0] / y[0] for x, y in zip(a, b)]), "wall", spread([x[1] / y[1] for x, y in zip(a, b)]))


if __name__ == "__main__":
    main()
