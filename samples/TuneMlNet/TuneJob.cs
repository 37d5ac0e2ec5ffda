using Dials.Catalogs;
using System.Diagnostics;
using Dials;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Reporting.Html;
using Dials.Samplers;
using Spectre.Console;

namespace TuneMlNet;

/// <summary>
/// The main job: tune LightGbm by cross-validated search with the automatic sampler by default (<see cref="AutoSampler"/>:
/// a Gaussian process for these seven numeric dimensions) and median pruning in a journal-file study (resumed when it
/// exists), show progress, then evaluate the tuned model and the defaults once on the sealed test split and write
/// the tuning log, the model card and the HTML report next to the study.
/// </summary>
public static class TuneJob
{
    /// <summary>Runs the job, reporting to <paramref name="console"/> and failures to <paramref name="errors"/>; returns
    /// the exit code.</summary>
    public static async Task<int> RunAsync(TuneSettings settings, IAnsiConsole console, TextWriter errors)
    {
        var clock = Stopwatch.StartNew();
        var run = TuningRun.Prepare(settings, settings.Seed);
        console.MarkupLineInterpolated($"Data [bold]{Path.GetFileName(settings.Data)}[/]: {run.Dataset.Rows} rows, label [bold]{settings.Label}[/] ({settings.Task}); {run.Split.TrainRows} rows for tuning, {run.Split.TestRows} sealed for one final test.");
        PrintColumns(console, run);
        var samplerKind = SamplerCatalog.All.Find(settings.Sampler)!;
        var samplerLabel = samplerKind.Label;
        var sampler = samplerKind.Create(new SamplerSettings { Seed = settings.Seed });
        var study = run.CreateStudy(settings.StudyName, sampler, settings.OpenStorage());
        var before = study.GetResult();
        console.MarkupLineInterpolated($"Study [bold]{settings.StudyName}[/] in {settings.Location}: {before.Trials.Count} trial(s) already, budget {settings.Trials} in total; {settings.Folds}-fold CV {run.Metric.Name}, {samplerLabel} sampler, median pruning.");

        var best = before.HasBest ? before.Best.Value : (double?)null;
        StudyResult<TrainerSearch> result = before;
        if (before.Trials.Count < settings.Trials)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(Describe(run, best), maxValue: settings.Trials);
                    bar.Value = before.Trials.Count;
                    // The study tells after each recorded trial how many are finished and which is best (a complete
                    // trial's value is its mean over all folds); this job runs one trial at a time.
                    result = await run.OptimizeAsync(study, settings.Trials, settings.Timeout, new Reporter(progress =>
                    {
                        best = progress.Best?.Value;
                        bar.Value = progress.Finished;
                        bar.Description = Describe(run, best);
                    }));
                    bar.Value = bar.MaxValue;
                });
        }

        if (!result.HasBest)
        {
            errors.WriteLine("error: no trial completed; see the tuning log for the failures.");
            JobRecords.WriteLog(settings, study.Snapshot());
            return 1;
        }

        var bestFolds = FoldStatistics.FromRunningMeans(result.Trials[result.Best.Number].Intermediate);
        var defaultTrial = result.Trials.FirstOrDefault(t => t.Number == 0 && t.State == TrialState.Complete);
        var defaults = run.Space.Default;
        // Both are fitted on all training rows; the tuned one is also the model saved for use (model.zip).
        var tuned = run.FitOnTraining(result.Best.Config);
        var test = FinalComparison.Evaluate(run, [($"tuned (trial {result.Best.Number})", tuned), ("defaults", run.FitOnTraining(defaults))]);
        // A best trial from an earlier run has no threshold in this process: the folds are deterministic, so
        // cross-validating its configuration again reproduces the out-of-fold predictions the threshold is chosen on.
        var threshold = run.Objective.Results.TryGetValue(result.Best.Number, out var bestCv) ? bestCv.Threshold
            : settings.Task == Dials.ML.TaskKind.Binary ? run.Objective.Evaluate(result.Best.Config).Threshold : null;

        var modelPath = TunedModel.Save(run.Ml, tuned.Model, run.Dataset.Data.Schema, settings.Beside(".model.zip"),
            new ModelInfo(settings.Task, settings.Label, run.Dataset.Classes, TrainerCatalog.DisplayName(result.Best.Config.Trainer))
            {
                Study = settings.StudyName,
                Trial = result.Best.Number,
                // The F1 threshold chosen on out-of-fold predictions travels with the model: dials predict applies it.
                Threshold = threshold?.Threshold is > 0 and < 1 and var t ? t : null,
            });

        var scores = new HeldOutScores(bestFolds.Average(), FoldStatistics.StandardDeviation(bestFolds), defaultTrial?.Value, test,
            threshold is null ? null : $"{threshold.Threshold:G4} ({threshold.Goal}; precision {threshold.Precision:P1}, recall {threshold.Recall:P1}, F1 {threshold.F1:G3})");
        var snapshot = study.Snapshot();
        JobRecords.WriteLog(settings, snapshot);
        SplitRecord.Write(settings.Beside(".split.json"), run.Split, run.Objective.FoldOfRow);

        // The study's own report (importance, sensitivity, uncertainty, every chart), as `dials report` writes it; the
        // model card takes its analyses from the same run.
        var skipped = new List<(string, string)>();
        var content = ReportContent.Analyse(snapshot, run.Objective.FoldCount, settings.Seed, skipped: (name, why) => skipped.Add((name, why)));
        var report = HtmlReport.Write(settings.Beside(".report.html"), content);
        JobRecords.WriteCard(settings, run, content, skipped, $"{samplerLabel} (seed {settings.Seed}; proposed by {Strategies(result)})",
            "median (5 startup trials, from fold 2)", scores);
        Print(console, settings, run, result, snapshot, scores, clock.Elapsed);
        console.MarkupLineInterpolated($"Report: {report}");
        console.MarkupLineInterpolated($"Model (trial {result.Best.Number}, refitted on the {run.Split.TrainRows} tuning rows): {modelPath}");
        console.MarkupLineInterpolated($"Score a CSV with it: dials predict --model {modelPath} --data FILE.csv");
        return 0;
    }

    /// <summary>How each column is read, as inference (or an override) decided, before any training.</summary>
    internal static void PrintColumns(IAnsiConsole console, TuningRun run)
    {
        var table = new Table().AddColumns("Column", "Read as", "Why");
        foreach (var row in run.Dataset.Describe())
        {
            table.AddRow(Markup.Escape(row.Column), Markup.Escape(row.Kind), Markup.Escape(row.Detail));
        }

        console.Write(table);
        if (run.LeftOut.Count > 0)
        {
            console.MarkupLineInterpolated($"Left out of the search: {string.Join(", ", run.LeftOut.Select(Dials.ML.Trainers.TrainerCatalog.DisplayName))} (reads numeric features only; the data has text).");
        }
    }

    private static string Describe(TuningRun run, double? best) =>
        best is { } b ? $"Tuning, best CV {run.Metric.Name} [bold]{b:G5}[/]" : "Tuning";

    private static void Print(IAnsiConsole console, TuneSettings settings, TuningRun run, StudyResult<TrainerSearch> result, StudySnapshot snapshot, HeldOutScores card, TimeSpan elapsed)
    {
        var states = string.Join(", ", result.Trials.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        console.WriteLine();
        console.MarkupLineInterpolated($"{result.Trials.Count} trials ({states}); best is trial {result.Best.Number}.");
        console.MarkupLineInterpolated($"Proposed by: {Strategies(result)}.");
        var parameters = new Table().AddColumns("Hyperparameter", "Tuned", "Default");
        // The winner's trainer and its settings (the other trainers' settings are inactive), beside the defaults.
        foreach (var dimension in run.Space.Dimensions.Where(d => result.Best.Parameters.ContainsKey(d.Name)))
        {
            parameters.AddRow(dimension.Name, JobRecords.Format(result.Best.Parameters[dimension.Name]), JobRecords.Format(dimension.Default));
        }

        console.Write(parameters);
        var trainers = new Table().AddColumns("Trainer", $"Best CV {run.Metric.Name}", "Trials (complete, pruned, failed)");
        foreach (var outcome in TrainerOutcomes.From(snapshot))
        {
            trainers.AddRow(outcome.Trainer, outcome.Best is { } b ? $"{b:G5} (trial {outcome.BestTrial})" : "-",
                $"{outcome.Trials} ({outcome.Complete}, {outcome.Pruned}, {outcome.Failed})");
        }

        console.Write(trainers);
        var metric = run.Metric.Name;
        var scores = new Table().AddColumns("Model", $"CV {metric} (mean ± std, {run.Objective.FoldCount} folds)", $"Test {metric} ({run.Split.TestRows} rows, once)");
        foreach (var (name, test) in card.Test)
        {
            var cv = name == "defaults"
                ? card.DefaultMean is { } d ? StdOf(result, 0, d) : "-"
                : $"{card.BestMean:G5} ± {card.BestStd:G3}";
            scores.AddRow(name, cv, test.ToString("G5", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(scores);
        if (card.Threshold is not null)
        {
            console.MarkupLineInterpolated($"Decision threshold for the tuned model: {card.Threshold}");
        }

        console.MarkupLineInterpolated($"{(run.Metric.Direction == Direction.Minimize ? "Lower" : "Higher")} {metric} is better. Tuning log: {settings.Beside(".trials.jsonl")}; model card: {settings.Beside(".card.md")} (+ .json). {elapsed.TotalSeconds:0} s.");
    }

    /// <summary>How many trials each strategy proposed, most first: "189 GP, 10 QMC start-up, 1 queued".</summary>
    internal static string Strategies(StudyResult<TrainerSearch> result) =>
        string.Join(", ", result.Trials.GroupBy(t => t.Strategy ?? "unrecorded")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}"));

    private static string StdOf(StudyResult<TrainerSearch> result, int trial, double mean)
    {
        var folds = FoldStatistics.FromRunningMeans(result.Trials[trial].Intermediate);
        return $"{mean:G5} ± {FoldStatistics.StandardDeviation(folds):G3}";
    }

    /// <summary>An <see cref="IProgress{T}"/> that acts at once, on the study's worker thread; <see cref="Progress{T}"/>
    /// would post each report to the thread pool, where the bar could see them out of order.</summary>
    private sealed class Reporter(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
