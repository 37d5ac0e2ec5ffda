"""What a scikit-learn user would run instead of the main job: gradient boosting at its defaults, and tuned by Optuna.

usage:
    PYTHONPATH=$OPTUNA5 /usr/bin/python3 docs/bench/sklearn_compare.py --data CSV --label COL \
        --task binary|multiclass|regression --split SPLIT.json --trials N --seed S \
        [--models hgb,gb] [--threads T] [--categorical A,B] [--text C] [--ignore D]
    /usr/bin/python3 docs/bench/sklearn_compare.py --data CSV --label COL --task T --seed S --make-split SPLIT.json \
        [--test-fraction 0.2] [--folds 5]

Needs Debian's python3-sklearn (1.2) and, for the tuned runs, Optuna 5 on PYTHONPATH (OPTUNA5 is the folder holding
its source, as in docs/benchmarks.md; without it Debian's Optuna 3.1 is imported and the run says so in its output).

SPLIT.json is the main job's split: {"test": [0-based data row indices sealed as test], "folds": [the fold of every
data row, -1 for test rows]}. Both models see exactly those rows: cross-validation scores fold f on the rows marked
f after fitting on the other non-test rows, and the final model is fitted on all non-test rows and scored once on
the test rows. --make-split writes such a file (seeded; stratified by the label for classification) so the script
can be tried before the main job has written one; it is not the main job's own split.

Columns: the label, then each other column by its kind. A column whose non-empty values all parse as numbers is
numeric; another column is text when its values average at least three words, else categorical. --categorical,
--text and --ignore override the inference. Features: numeric -> SimpleImputer (mean); categorical ->
OneHotEncoder(handle_unknown='ignore'), a missing value being one more level; text -> TfidfVectorizer, one per text
column, a missing value being the empty text. All at scikit-learn's defaults, as a user following its documentation
would write them.

Models (--models, default auto: hgb without text columns, gb with them):
    hgb  HistGradientBoostingClassifier/Regressor, the estimator scikit-learn recommends for tabular data. It refuses
         sparse input, so the ColumnTransformer is asked for a dense matrix (sparse_threshold=0).
    gb   GradientBoostingClassifier/Regressor, the older estimator; it takes the sparse TF-IDF matrix as is.
    Why auto switches: with a text column, the dense matrix has a column per word. On titanic.csv (2,691 features)
    one hgb fit at its defaults took 17 s with OMP_NUM_THREADS=1 and 103 s with two OpenMP threads on the busy
    2-core machine, against 0.5 s for gb on the sparse matrix; a user meeting hgb's sparse-input error and then
    that wait would pick gb, and 50 tuned trials of five folds stay within minutes only with gb.
Each model is run twice: "<model>-default" at its defaults, and "<model>-optuna": Optuna's TPESampler(seed=S)
for N trials over the search space in SPACES below, each trial scored by the mean over the split's folds (no
pruning), then the best configuration refitted on all non-test rows and scored once on the test rows.

Metrics, computed here the way ML.NET's evaluators do so the figures compare with the main job's: regression RMSE;
binary AUC, the positive class being the second label in ordinal sort order (ties count one half); multiclass
log-loss, the mean of -ln(p of the true class) with p clipped to [1e-15, 1] (a class a fold's model never saw
scores p = 1e-15). The cross-validation score is the mean of the fold scores.

Output: one JSON line per model on stdout: model, task, metric, test, cv (and cv_folds), best parameters for the
tuned runs, wall_s and cpu_s for the whole run (cross-validation or study, final fit and test scoring), and the
versions. CPU seconds count every thread of the process: scikit-learn's histogram boosting uses OpenMP threads
(--threads or OMP_NUM_THREADS fixes their number; the output's "threads" is the number in effect). On a busy
machine give one: with two threads on the 2-core machine under a load of 11, hgb's 50 trials on diabetes.csv took
400 s of wall time against 12.7 s with one thread, for the same scores. A summary of the data (rows, columns with
their kinds, class balance) goes to stderr first.
"""
import argparse
import csv
import json
import math
import random
import sys
import time

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
)
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from threadpoolctl import threadpool_info, threadpool_limits

TASKS = ("binary", "multiclass", "regression")
METRICS = {"regression": ("RMSE", "minimize"), "binary": ("AUC", "maximize"), "multiclass": ("log-loss", "minimize")}
LOG_LOSS_EPSILON = 1e-15


def _hgb_space(trial):
    return {
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "max_iter": trial.suggest_int("max_iter", 50, 500, log=True),
        "max_leaf_nodes": trial.suggest_int("max_leaf_nodes", 4, 128, log=True),
        "min_samples_leaf": trial.suggest_int("min_samples_leaf", 2, 100, log=True),
        "l2_regularization": trial.suggest_float("l2_regularization", 1e-6, 10.0, log=True),
    }


def _gb_space(trial):
    return {
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "n_estimators": trial.suggest_int("n_estimators", 50, 500, log=True),
        "max_depth": trial.suggest_int("max_depth", 2, 8),
        "min_samples_leaf": trial.suggest_int("min_samples_leaf", 1, 100, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
    }


# The usual ranges from scikit-learn's and Optuna's examples: rate, number of trees, tree size, leaf size, and one
# regulariser each (L2 on leaf values for hgb, row subsampling for gb).
SPACES = {"hgb": _hgb_space, "gb": _gb_space}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="CSV file with a header row")
    parser.add_argument("--label", required=True, help="the label column")
    parser.add_argument("--task", required=True, choices=TASKS)
    parser.add_argument("--split", help="SPLIT.json written by the main job (or by --make-split)")
    parser.add_argument("--trials", type=int, default=50, help="Optuna trials per model (default 50)")
    parser.add_argument("--seed", type=int, default=0, help="TPESampler seed, model seed and --make-split seed")
    parser.add_argument("--models", default="auto",
                        help="comma-separated: hgb, gb; auto (default) = hgb, or gb when a column is text")
    parser.add_argument("--threads", type=int,
                        help="OpenMP threads for hgb (default: OMP_NUM_THREADS, else one per core)")
    parser.add_argument("--categorical", default="", help="comma-separated columns forced categorical")
    parser.add_argument("--text", default="", help="comma-separated columns forced text")
    parser.add_argument("--ignore", default="", help="comma-separated columns left out")
    parser.add_argument("--make-split", metavar="OUT_JSON", help="write a seeded split to OUT_JSON and stop")
    parser.add_argument("--test-fraction", type=float, default=0.2, help="with --make-split (default 0.2)")
    parser.add_argument("--folds", type=int, default=5, help="with --make-split (default 5)")
    args = parser.parse_args(argv)
    args.models = [m for m in args.models.split(",") if m]
    for model in args.models:
        if model == "auto":
            continue
        if model not in SPACES:
            parser.error(f"unknown model {model!r}; choose from {', '.join(SPACES)}")
    if args.make_split is None and args.split is None:
        parser.error("give --split SPLIT.json, or --make-split OUT_JSON to write one")
    return args


def _names(text):
    return [name for name in text.split(",") if name]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        sys.exit(f"{path}: empty file")
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            sys.exit(f"{path}, line {number}: {len(row)} fields, the header has {len(header)}")
    return header, body


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def infer_kinds(header, body, label, forced):
    """Each feature column's kind: numeric, categorical or text (flags first, then the simple rule)."""
    for flag, names in forced.items():
        for name in names:
            if name not in header:
                sys.exit(f"--{flag}: no column named {name!r}")
    if label not in header:
        sys.exit(f"--label: no column named {label!r}")
    kinds = {}
    for index, name in enumerate(header):
        if name == label or name in forced["ignore"]:
            continue
        if name in forced["categorical"]:
            kinds[name] = "categorical"
            continue
        if name in forced["text"]:
            kinds[name] = "text"
            continue
        values = [row[index] for row in body if row[index] != ""]
        if not values:
            sys.exit(f"column {name!r} has no values; leave it out with --ignore")
        if all(_is_number(v) for v in values):
            kinds[name] = "numeric"
        elif sum(len(v.split()) for v in values) / len(values) >= 3:
            kinds[name] = "text"
        else:
            kinds[name] = "categorical"
    return kinds


def feature_matrix(header, body, kinds):
    """An object array, one column per feature: floats (NaN when missing) or strings ("" when missing)."""
    columns = []
    for name, kind in kinds.items():
        index = header.index(name)
        if kind == "numeric":
            columns.append([float(row[index]) if row[index] != "" else math.nan for row in body])
        else:
            columns.append([row[index] for row in body])
    matrix = np.empty((len(body), len(columns)), dtype=object)
    for j, values in enumerate(columns):
        matrix[:, j] = values
    return matrix


def labels(header, body, label, task):
    index = header.index(label)
    values = [row[index] for row in body]
    missing = sum(v == "" for v in values)
    if missing:
        sys.exit(f"label {label!r} is missing in {missing} rows")
    if task == "regression":
        return np.array([float(v) for v in values]), None
    classes = sorted(set(values))  # ordinal order, like the main job's label mapping
    if len(classes) < 2 or (task == "binary" and len(classes) != 2):
        needed = "2" if task == "binary" else "at least 2"
        sys.exit(f"label {label!r} has {len(classes)} classes; --task {task} needs {needed}")
    return np.array(values, dtype=object), classes


def preprocessor(kinds, dense):
    names = list(kinds)
    numeric = [j for j, n in enumerate(names) if kinds[n] == "numeric"]
    categorical = [j for j, n in enumerate(names) if kinds[n] == "categorical"]
    parts = []
    if numeric:
        parts.append(("numeric", SimpleImputer(), numeric))
    if categorical:
        parts.append(("categorical", OneHotEncoder(handle_unknown="ignore"), categorical))
    for j, n in enumerate(names):
        if kinds[n] == "text":
            # A scalar column index hands the vectorizer a 1-D array of documents, as it expects.
            parts.append((f"text:{n}", TfidfVectorizer(), j))
    return ColumnTransformer(parts, sparse_threshold=0.0 if dense else 0.3)


def pipeline(model, task, kinds, params, seed):
    classify = task != "regression"
    if model == "hgb":
        kind = HistGradientBoostingClassifier if classify else HistGradientBoostingRegressor
    else:
        kind = GradientBoostingClassifier if classify else GradientBoostingRegressor
    estimator = kind(random_state=seed, **params)
    return Pipeline([("features", preprocessor(kinds, dense=model == "hgb")), ("model", estimator)])


def score(task, classes, fitted, X, y):
    if task == "regression":
        return float(math.sqrt(np.mean((fitted.predict(X) - y) ** 2)))
    probabilities = fitted.predict_proba(X)
    seen = list(fitted.classes_)
    if task == "binary":
        positive = classes[1]
        if positive not in seen:
            sys.exit("a training part holds no row of the positive class")
        return float(roc_auc_score(y == positive, probabilities[:, seen.index(positive)]))
    column = {c: i for i, c in enumerate(seen)}
    true_class = [probabilities[i, column[t]] if t in column else 0.0 for i, t in enumerate(y)]
    return float(np.mean([-math.log(min(1.0, max(LOG_LOSS_EPSILON, p))) for p in true_class]))


def cross_validate(make, task, classes, X, y, folds):
    scores = []
    for fold in sorted(set(folds[folds >= 0].tolist())):
        train, held = (folds >= 0) & (folds != fold), folds == fold
        scores.append(score(task, classes, make().fit(X[train], y[train]), X[held], y[held]))
    return float(np.mean(scores)), scores


def read_split(path, rows):
    with open(path, encoding="utf-8") as handle:
        split = json.load(handle)
    folds = np.array(split["folds"], dtype=int)
    test = np.zeros(rows, dtype=bool)
    test[np.array(split["test"], dtype=int)] = True
    if len(folds) != rows:
        sys.exit(f"{path}: {len(folds)} fold numbers for {rows} data rows")
    if not np.array_equal(folds < 0, test):
        sys.exit(f"{path}: the rows with fold -1 are not exactly the test rows")
    if len(set(folds[folds >= 0].tolist())) < 2:
        sys.exit(f"{path}: fewer than two folds")
    return test, folds


def make_split(path, y, task, seed, test_fraction, fold_count):
    """A seeded split in SPLIT.json's format: per class (ordinal order), a shuffled test share, then the rest dealt
    round-robin over the folds, continuing where the previous class stopped (so the folds keep the class mix)."""
    rng = random.Random(seed)
    groups = [list(range(len(y)))] if task == "regression" else [
        [i for i, v in enumerate(y) if v == c] for c in sorted(set(y.tolist()))
    ]
    folds = [-1] * len(y)
    test = []
    next_fold = 0
    for group in groups:
        rng.shuffle(group)
        take = min(int(math.floor(len(group) * test_fraction + 0.5)), len(group) - 1)
        test.extend(group[:take])
        for row in group[take:]:
            folds[row] = next_fold
            next_fold = (next_fold + 1) % fold_count
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"test": sorted(test), "folds": folds}, handle)
    print(f"{path}: {len(test)} test rows, {len(y) - len(test)} in {fold_count} folds (seed {seed})", file=sys.stderr)


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start):
    wall, cpu = _clock()
    return round(wall - start[0], 3), round(cpu - start[1], 3)


def run_default(model, context):
    task, classes, X, y, test, folds, kinds, seed = context
    start = _clock()
    make = lambda: pipeline(model, task, kinds, {}, seed)  # noqa: E731
    cv, cv_folds = cross_validate(make, task, classes, X, y, folds)
    final = make().fit(X[~test], y[~test])
    test_score = score(task, classes, final, X[test], y[test])
    wall, cpu = _since(start)
    return {"model": f"{model}-default", "test": test_score, "cv": cv, "cv_folds": cv_folds, "params": {},
            "wall_s": wall, "cpu_s": cpu}


def run_optuna(model, context, trials):
    import optuna

    task, classes, X, y, test, folds, kinds, seed = context
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    start = _clock()

    def objective(trial):
        params = SPACES[model](trial)
        make = lambda: pipeline(model, task, kinds, params, seed)  # noqa: E731
        mean, fold_scores = cross_validate(make, task, classes, X, y, folds)
        trial.set_user_attr("cv_folds", fold_scores)
        return mean

    study = optuna.create_study(direction=METRICS[task][1], sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=trials)
    study_wall, study_cpu = _since(start)
    best = study.best_trial
    final = pipeline(model, task, kinds, best.params, seed).fit(X[~test], y[~test])
    test_score = score(task, classes, final, X[test], y[test])
    wall, cpu = _since(start)
    return {
        "model": f"{model}-optuna", "test": test_score, "cv": best.value, "cv_folds": best.user_attrs["cv_folds"],
        "params": best.params, "best_trial": best.number, "trials": trials, "study_wall_s": study_wall,
        "study_cpu_s": study_cpu, "wall_s": wall, "cpu_s": cpu, "optuna": optuna.__version__,
    }


def describe(header, body, label, kinds, classes, y, test, folds):
    summary = {"rows": len(body), "test_rows": int(test.sum()), "label": label, "columns": {}}
    for name, kind in kinds.items():
        index = header.index(name)
        values = [row[index] for row in body]
        entry = {"kind": kind, "missing": sum(v == "" for v in values)}
        if kind != "numeric":
            entry["levels"] = len(set(values))
        summary["columns"][name] = entry
    if classes is not None:
        summary["classes"] = {c: int((y == c).sum()) for c in classes}
    summary["fold_rows"] = [int((folds == f).sum()) for f in sorted(set(folds[folds >= 0].tolist()))]
    print(json.dumps({"data": summary}), file=sys.stderr)


def openmp_threads():
    """The OpenMP thread count hgb will use (scikit-learn's OpenMP runtime is loaded by the imports above)."""
    return max((pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "openmp"), default=None)


def main(argv=None):
    args = parse_args(argv)
    if args.threads is not None:
        threadpool_limits(limits=args.threads, user_api="openmp")
    header, body = read_csv(args.data)
    forced = {"categorical": _names(args.categorical), "text": _names(args.text), "ignore": _names(args.ignore)}
    kinds = infer_kinds(header, body, args.label, forced)
    y, classes = labels(header, body, args.label, args.task)
    if args.make_split:
        make_split(args.make_split, y, args.task, args.seed, args.test_fraction, args.folds)
        return
    test, folds = read_split(args.split, len(body))
    describe(header, body, args.label, kinds, classes, y, test, folds)
    X = feature_matrix(header, body, kinds)
    context = (args.task, classes, X, y, test, folds, kinds, args.seed)
    metric = METRICS[args.task][0]
    threads = openmp_threads()
    has_text = "text" in kinds.values()
    models = [("gb" if has_text else "hgb") if m == "auto" else m for m in args.models]
    for model in dict.fromkeys(models):
        for result in (run_default(model, context), run_optuna(model, context, args.trials)):
            result = {"model": result.pop("model"), "task": args.task, "metric": metric, **result,
                      "data": args.data, "seed": args.seed, "threads": threads, "sklearn": sklearn.__version__}
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
