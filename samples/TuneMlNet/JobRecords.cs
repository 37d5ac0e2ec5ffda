using System.Globalization;
using System.Text.Json;
using Dials;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Reporting.Export;
using Dials.Reporting.Html;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>
/// The job's records beside the study, written with the library's exports: the tuning log (JSON Lines, one trial a
/// line, with its fold scores, mean and standard deviation, which only this job's cross-validation knows) and the model
/// card (the study's own sections, then the data, split, held-out scores and versions).
/// </summary>
public static class JobRecords
{
    /// <summary>Rewrites the tuning log from the study's trials (this run's and any earlier run's): fold scores come
    /// from the running means each trial reported, so a resumed study's earlier trials are logged as completely.</summary>
    /// <returns>The log's path: beside the study, named with <paramref name="suffix"/>.</returns>
    public static string WriteLog(TuneSettings settings, StudySnapshot study, string suffix = ".trials.jsonl")
    {
        var path = settings.Beside(suffix);
        using var writer = new StreamWriter(path);
        TuningLogJson.WriteLines(study, writer, (json, trial) =>
        {
            var folds = FoldStatistics.FromRunningMeans(trial.Intermediate);
            json.WriteStartArray("foldScores");
            foreach (var score in folds)
            {
                json.WriteNumberValue(score);
            }

            json.WriteEndArray();
            if (trial.Values is { } values)
            {
                // A trial of several objectives has no single value: its values, in the order of --objectives.
                json.WriteStartArray("values");
                foreach (var value in values)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            if (folds.Count > 0)
            {
                json.WriteNumber("mean", folds.Average());
                json.WriteNumber("std", FoldStatistics.StandardDeviation(folds));
            }
        });
        return path;
    }

    /// <summary>Writes <c>.card.md</c> and <c>.card.json</c> next to the study (after <paramref name="prefix"/>, the
    /// objectives' names for a run of several), from the analyses of its report; a run of several objectives names the
    /// front point it chose and why.</summary>
    public static void WriteCard(TuneSettings settings, TuningRun run, ReportContent report, IEnumerable<(string, string)> skipped,
        string sampler, string pruner, HeldOutScores scores, ChosenPoint? chosen = null, string prefix = "")
    {
        var study = report.Study;
        var card = ModelCard.From(report, skipped) with { Sections = Sections(settings, run, study, sampler, pruner, scores), Chosen = chosen };
        File.WriteAllText(settings.Beside(prefix + ".card.json"), ModelCardJson.Write(card, study.Space));
        File.WriteAllText(settings.Beside(prefix + ".card.md"), ModelCardMarkdown.Write(card));
    }

    private static List<CardSection> Sections(TuneSettings settings, TuningRun run, StudySnapshot study, string sampler, string pruner, HeldOutScores scores)
    {
        var inv = CultureInfo.InvariantCulture;
        var split = run.Split;
        List<CardFact> setup =
        [
            new("Data", $"{Path.GetFileName(settings.Data)}, {run.Dataset.Rows} rows, label {settings.Label} ({settings.Task}), {run.Dataset.Columns.Count(c => c.Kind != ColumnKind.Ignored)} feature columns", Path.GetFullPath(settings.Data)),
            new("Split", string.Create(inv, $"{split.TrainRows} training rows, {split.TestRows} test rows sealed ({TuneSettings.TestFraction:P0}, seed {split.Seed}{(split.StratifiedBy is null ? "" : ", stratified")}); {settings.Folds}-fold cross-validation inside the training rows; rows and folds in {Path.GetFileName(settings.Beside(".split.json"))}")),
            new("Metric", $"{run.Metric.Name} ({run.Metric.Direction.ToString().ToLowerInvariant()})", run.Metric.Name),
            new("Trainers searched", string.Join(", ", run.Searched.Select(TrainerCatalog.DisplayName))
                + (run.LeftOut.Count > 0 ? $" ({string.Join(", ", run.LeftOut.Select(TrainerCatalog.DisplayName))} left out: it reads numeric features only and the data has text)" : "")),
            new("Threads per trainer", run.Columns.Threads is { } threads ? $"{threads} ({run.Parallel} trial(s) at once on {Environment.ProcessorCount} cores)" : "each library's default"),
            new("Sampler", sampler),
            new("Pruner", pruner),
            new("Seed", settings.Seed.ToString(inv), settings.Seed),
            new("Budget", $"{settings.Trials} trials total{(settings.Timeout is { } t ? string.Create(inv, $", {t.TotalSeconds:0} s per run") : "")}", settings.Trials),
        ];
        List<CardFact> held =
        [
            new($"Cross-validated {run.Metric.Name}, tuned", string.Create(inv, $"{scores.BestMean:G5} ± {scores.BestStd:G3} (mean ± std over folds)"), scores.BestMean),
        ];
        if (scores.DefaultMean is { } d)
        {
            held.Add(new($"Cross-validated {run.Metric.Name}, defaults (trial 0)", d.ToString("G5", inv), d));
        }

        var at = split.Evaluation?.At is { } when ? when.ToString("u", inv) : "not evaluated";
        held.AddRange(scores.Test.Select(s => new CardFact($"Test {run.Metric.Name}, {s.Key}", string.Create(inv, $"{s.Value:G5} (the sealed split, evaluated once, {at})"), s.Value)));
        if (scores.Threshold is not null)
        {
            held.Add(new("Decision threshold", $"{scores.Threshold} (chosen on out-of-fold predictions, not a hyperparameter)"));
        }

        return
        [
            new("Setup", setup),
            new("Columns", [.. run.Dataset.Columns.Select(c => new CardFact(c.Name, ColumnFact(c)))]),
            // Best first: the first with a complete trial is the trainer of the chosen configuration.
            new("Trainers (which won and how the others did)", [.. TrainerOutcomes.From(study).Select((o, i) =>
                new CardFact(i == 0 && o.Best is not null ? $"{o.Trainer} (chosen)" : o.Trainer, o.Describe()))]),
            new("Held-out scores", held),
            new("Versions", [.. Versions().Select(v => new CardFact(v.Name, v.Version))]),
        ];
    }

    /// <summary>How a column was read, in a phrase: its kind, then why unless the reason only repeats the kind.</summary>
    private static string ColumnFact(ColumnDecision column)
    {
        var kind = column.Kind.ToString().ToLowerInvariant();
        return column.Reason.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? column.Reason : $"{kind}: {column.Reason}";
    }

    private static IEnumerable<(string Name, string Version)> Versions() =>
    [
        ("Dials", ModelCard.DialsVersionText),
        ("Microsoft.ML", VersionOf(typeof(MLContext))),
        ("Microsoft.ML.LightGbm", VersionOf(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer))),
        ("Microsoft.ML.FastTree", VersionOf(typeof(Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer))),
        (".NET", Environment.Version.ToString()),
    ];

    // The informational version is the package version (assembly versions of ML.NET stay at 1.0.0.0); any "+commit" suffix is dropped.
    private static string VersionOf(Type type) =>
        (type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "?").Split('+')[0];

    /// <summary>A parameter value as the console prints it.</summary>
    public static string Format(object value) => value switch
    {
        double v => v.ToString("G4", CultureInfo.InvariantCulture),
        float v => v.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
