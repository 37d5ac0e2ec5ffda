"""Whole-study cost, Optuna's side: a 1,000-trial TPE study of a 10-D sphere in memory, in one process.

The same study as bench/Dials.StudyCost (ten floats in [0, 1], sum of (x - 0.3)^2, TPESampler with its defaults,
in-memory storage); it prints the best value. Timed from outside, start-up included (see docs/benchmarks.md):

    PYTHONPATH=$OPTUNA5 /usr/bin/python3 docs/bench/optuna_study_cost.py [TRIALS] [SEED]
"""

import sys

import optuna


def objective(trial: optuna.Trial) -> float:
    return sum((trial.suggest_float(f"x{i}", 0.0, 1.0) - 0.3) ** 2 for i in range(10))


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    # One log line per trial would time the terminal, not the tuner; our side prints nothing per trial either.
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=trials)
    print(repr(study.best_value))


if __name__ == "__main__":
    main()
