using Dials.Analysis;
using Dials.Reporting.Html;

namespace Dials.Reporting.Tests;

/// <summary>
/// Hand-made studies and analyses for the report: the analyses' own code is not what is tested here, so their
/// records are built directly, with plausible numbers.
/// </summary>
internal static class ReportStudies
{
    public static readonly DateTimeOffset GeneratedAt = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static readonly DateTimeOffset Start = new(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A space with every kind: a categorical with two conditional children (one log), a power of two, a
    /// stepped int, a wide int, a log float and a stepped float.</summary>
    public static SearchSpace Space(string optimizer = "Optimizer", IReadOnlyList<object>? choices = null) => Of(
        Dimension.Categorical(optimizer, choices ?? ["sgd", "adam"]),
        Dimension.Float("Momentum", 0, 0.99, condition: new DimensionCondition(optimizer, [0])),
        Dimension.Float("Beta", 1e-4, 1e-1, log: true, condition: new DimensionCondition(optimizer, [1])),
        Dimension.PowerOfTwo("Batch", 16, 256),
        Dimension.Int("Layers", 2, 8, step: 2),
        Dimension.Int("Units", 16, 512),
        Dimension.Float("LearningRate", 1e-5, 1, log: true),
        Dimension.Float("Dropout", 0, 0.5, step: 0.1));

    public static SearchSpace Of(params Dimension[] dimensions) =>
        new SearchSpace<string>(dimensions, () => "", (_, _) => null, (_, _) => "");

    /// <summary>A study of <paramref name="count"/> trials: mostly complete with learning curves, some pruned part-way,
    /// some failed, the last one still running. Trial 0 was queued, trials 1 to 9 came from a random start-up and the
    /// rest from <paramref name="model"/>, each with its reason.</summary>
    public static StudySnapshot Full(int count = 48, string name = "mnist-mlp", SearchSpace? space = null, string failReason = "CUDA out of memory",
        string model = "TPE")
    {
        space ??= Space();
        var random = new Random(11);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < count; n++)
        {
            var point = space.FromUnit([.. space.Dimensions.Select(_ => random.NextDouble())]);
            var value = Objective(space, point, random);
            var start = Start.AddMinutes(n * 3);
            var duration = TimeSpan.FromSeconds(40 + random.Next(200));
            TrialRecord trial = (n % 9, n == count - 1 && count > 1) switch
            {
                (_, true) => new TrialRecord(n, TrialState.Running, point, null, Curve(value, 4), start, null),
                (4 or 7, _) => new TrialRecord(n, TrialState.Pruned, point, null, Curve(value + 0.35, 3 + n % 4), start, duration),
                (5, _) when n % 2 == 1 => new TrialRecord(n, TrialState.Failed, point, null, [], start, duration, failReason),
                _ => new TrialRecord(n, TrialState.Complete, point, value, Curve(value, 12), start, duration),
            };
            var (strategy, why) = n switch
            {
                0 => (TrialRecord.QueuedStrategy, "the defaults"),
                < 10 => ("random start-up", $"trial {n} of 10 before the model"),
                _ => (model, $"model of {n} trials"),
            };
            trials.Add(trial with { Strategy = strategy, StrategyReason = why });
        }

        return new StudySnapshot(name, Direction.Minimize, space, trials);
    }

    /// <summary>A study of <paramref name="objectives"/> objectives (error and latency to minimise, then accuracy to
    /// maximise and size to minimise) over <see cref="Space"/>: complete trials with one value per objective (no single
    /// value, as a study of several objectives stores them), every fifth breaking its memory constraint, a failed trial
    /// and a running one at the end.</summary>
    public static StudySnapshot MultiObjective(int objectives = 2, int count = 60, string name = "error-vs-latency")
    {
        var space = Space();
        var random = new Random(16);
        Direction[] directions = [Direction.Minimize, Direction.Minimize, Direction.Maximize, Direction.Minimize];
        var trials = new List<TrialRecord>();
        for (var n = 0; n < count; n++)
        {
            var point = space.FromUnit([.. space.Dimensions.Select(_ => random.NextDouble())]);
            var start = Start.AddMinutes(n);
            if (n == count - 1)
            {
                trials.Add(new TrialRecord(n, TrialState.Running, point, null, [], start, null, Strategy: "random"));
                continue;
            }

            if (n % 13 == 6)
            {
                trials.Add(new TrialRecord(n, TrialState.Failed, point, null, [], start, TimeSpan.FromSeconds(3), "out of memory", Strategy: "random"));
                continue;
            }

            // A trade-off: more units lower the error and raise the latency.
            var units = point[space.IndexOf("Units")];
            var error = Math.Round(0.05 + 8 / units + random.NextDouble() * 0.04, 5);
            var latency = Math.Round(0.5 + units / 40 + random.NextDouble() * 3, 4);
            double[] all = [error, latency, Math.Round(1 - error + random.NextDouble() * 0.02, 5), Math.Round(units * 0.3 + random.NextDouble() * 20, 3)];
            var memory = n % 5 == 2 ? 12.5 : -3.0; // every fifth trial is over its memory budget
            trials.Add(new TrialRecord(n, TrialState.Complete, point, null, [], start, TimeSpan.FromSeconds(5), Strategy: n < 10 ? "random" : "NSGA-II",
                Values: all[..objectives], Constraints: [new ConstraintValue("memory", memory)]));
        }

        return new StudySnapshot(name, Direction.Minimize, space, trials) { Directions = directions[..objectives] };
    }

    /// <summary>A validation loss with a valley in the learning rate, a preference for adam and mild dropout.</summary>
    private static double Objective(SearchSpace space, double[] point, Random random)
    {
        var learningRate = point[space.IndexOf("LearningRate")];
        var dropout = point[space.IndexOf("Dropout")];
        var layers = point[space.IndexOf("Layers")];
        var choice = point[0];
        var valley = Math.Pow(Math.Log10(learningRate) + 2.5, 2) * 0.06;
        return Math.Round(0.08 + valley + Math.Abs(dropout - 0.2) * 0.3 + (choice == 0 ? 0.05 : 0) + layers * 0.004 + random.NextDouble() * 0.03, 5);
    }

    /// <summary>A learning curve falling from above towards <paramref name="final"/>.</summary>
    private static IReadOnlyList<IntermediateValue> Curve(double final, int steps) =>
        [.. Enumerable.Range(1, steps).Select(s => new IntermediateValue(s, final + 1.2 * Math.Exp(-s / 2.5)))];

    public static ImportanceResult Importance(SearchSpace space, string note = "Estimated from the complete trials only.") => new(
        ImportanceMethod.Fanova, 30,
        [.. space.Dimensions.Select((d, i) => new DimensionImportance(d.Name, i switch
        {
            6 => 0.46, 7 => 0.22, 0 => 0.12, 4 => 0.08, 3 => 0.05, 5 => 0.04, 1 => 0.02, _ => 0.01,
        }, i switch { 6 => 0.07, 7 => 0.05, _ => 0.02 })).OrderByDescending(d => d.Importance)],
        [note]);

    /// <summary>Sweeps around the best trial of <paramref name="study"/> with a made-up bowl-shaped score.</summary>
    public static SensitivityResult Sensitivity(StudySnapshot study, string? label = null)
    {
        var best = study.Best!;
        var center = 0.1;
        var threshold = center * 1.1;
        var sweeps = new List<DimensionSweep>();
        for (var i = 0; i < study.Space.Dimensions.Count; i++)
        {
            var d = study.Space.Dimensions[i];
            if (double.IsNaN(best.Point[i]))
            {
                continue;
            }

            var centerUnit = d.ToUnit(best.Point[i]);
            var units = d.IsDiscrete && d.Count <= 15 ? Enumerable.Range(0, d.Count).Select(k => (k + 0.5) / d.Count) : Enumerable.Range(0, 15).Select(k => k / 14.0);
            var points = units.Select(u => d.FromUnit(u)).Distinct().Select(v =>
            {
                var score = center + Math.Pow(d.ToUnit(v) - centerUnit, 2) * (0.1 + 0.1 * i);
                return new SweepPoint(v, label ?? d.Format(v), score, score <= threshold);
            }).ToList();
            var centerIndex = points.FindIndex(p => p.Value >= best.Point[i]);
            centerIndex = centerIndex < 0 ? points.Count - 1 : centerIndex;
            var (lo, hi) = (centerIndex, centerIndex);
            while (lo > 0 && points[lo - 1].Tolerated) { lo--; }
            while (hi < points.Count - 1 && points[hi + 1].Tolerated) { hi++; }
            sweeps.Add(new DimensionSweep(d.Name, best.Point[i], points, points[lo].Value, points[hi].Value,
                (double)points.Count(p => p.Tolerated) / points.Count));
        }

        return new SensitivityResult(SensitivitySource.Surrogate, center, threshold, sweeps);
    }

    public static UncertaintyReport Uncertainty(StudySnapshot study, string warning = "The best configuration is within noise of the runner-up (0.004 apart, noise 0.011).")
    {
        var top = study.Complete.OrderBy(t => t.Value).Take(5).Select((t, rank) => new ConfigurationSpread(
            [t.Number],
            study.Space.Dimensions.Select((d, i) => (d, v: t.Point[i])).Where(x => !double.IsNaN(x.v)).Take(3).ToDictionary(x => x.d.Name, x => x.d.Format(x.v)),
            t.Value!.Value, 0.008 + rank * 0.002, 5, SpreadSource.Folds)).ToList();
        return new UncertaintyReport(top, 0.011, 0.027,
            [new UncertaintyWarning(UncertaintyWarningKind.WithinNoise, warning),
             new UncertaintyWarning(UncertaintyWarningKind.ValidationOverfit, "48 trials were scored against one validation set; expect the best score to be about 0.027 optimistic.")]);
    }

    /// <summary>Everything: the full study and all three analyses.</summary>
    public static ReportContent FullContent(StudySnapshot? study = null)
    {
        study ??= Full();
        return new ReportContent(study, Importance(study.Space), Sensitivity(study), Uncertainty(study), GeneratedAt);
    }

    /// <summary>A study and no analyses.</summary>
    public static ReportContent Bare(StudySnapshot study) => new(study, null, null, null, GeneratedAt);
}
