using System.Diagnostics;
using System.Globalization;
using Dials;
using Dials.Catalogs;
using Dials.ML.Trainers;
using Dials.MultiObjective;
using Dials.ML.Tuning;
using Dials.Reporting.Export;
using Dials.Reporting.Html;
using Spectre.Console;

namespace TuneMlNet;

/// <summary>
/// The main job with several objectives (<c>--objectives rmse,latency</c>): the task's metric, cross-validated as in
/// <see cref="TuneJob"/>, against the deployed model's latency or size (<see cref="DeploymentCost"/>), in a study of
/// several objectives (no pruning). It prints the Pareto front, picks one point (the best metric with latency at most
/// <c>--max-latency</c>, or the best metric on the front), and evaluates that point and the defaults once on the sealed
/// test split, as the single-objective job does.
/// </summary>
public static class ParetoJob
{
    /// <summary>Runs the job; returns the exit code (2 when no front point meets <c>--max-latency</c>: then nothing is
    /// evaluated on the test split and no log is written).</summary>
    public static async Task<int> RunAsync(TuneSettings settings, IAnsiConsole console, TextWriter errors)
    {
        var clock = Stopwatch.StartNew();
        var objectives = settings.Objectives!;
        var run = TuningRun.Prepare(settings, settings.Seed);
        console.MarkupLineInterpolated($"Data [bold]{Path.GetFileName(settings.Data)}[/]: {run.Dataset.Rows} rows, label [bold]{settings.Label}[/] ({settings.Task}); {run.Split.TrainRows} rows for tuning, {run.Split.TestRows} sealed for one final test.");
        TuneJob.PrintColumns(console, run);
        NamedObjective[] named = [.. objectives.Select(o => new NamedObjective(JobObjectives.Name(o, run.Metric), JobObjectives.Direction(o, run.Metric)))];
        var metric = named[objectives.ToList().IndexOf(JobObjective.Metric)].Name;
        var selection = settings.MaxLatency is { } max
            ? ParetoSelection.Best(named, metric).Where("latency", atMost: max)
            : ParetoSelection.Best(named, metric);

        var samplerKind = SamplerCatalog.All.Find(settings.Sampler)!;
        var study = run.CreateParetoStudy(settings.StudyName, samplerKind.Create(new SamplerSettings { Seed = settings.Seed }),
            settings.OpenStorage(), named);
        var before = study.GetResult();
        var cost = new DeploymentCost(run);
        console.MarkupLineInterpolated($"Study [bold]{settings.StudyName}[/] in {settings.Location}: {before.Trials.Count} trial(s) already, budget {settings.Trials} in total.");
        console.MarkupLineInterpolated($"Objectives {string.Join(", ", named.Select(o => $"{o.Name} ({o.Direction.ToString().ToLowerInvariant()})"))}; {settings.Folds}-fold CV {run.Metric.Name}, {samplerKind.Label} sampler, no pruning (several objectives).");
        if (objectives.Contains(JobObjective.Latency))
        {
            console.MarkupLineInterpolated($"Latency: {cost.LatencyMethod}.");
        }

        if (objectives.Contains(JobObjective.Size))
        {
            console.MarkupLine("Size: the bytes of the model (featurizer and trainer) saved as an ML.NET zip.");
        }

        var result = before;
        if (before.Trials.Count < settings.Trials)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask($"Tuning {string.Join(" against ", named.Select(o => o.Name))}", maxValue: settings.Trials);
                    bar.Value = before.Trials.Count;
                    result = await study.OptimizeAsync(
                        (config, trial, ct) => ValueTask.FromResult(Evaluate(run, cost, objectives, config, trial, ct)),
                        settings.Trials, parallelism: 1, settings.Timeout, trialTimeout: null, CancellationToken.None,
                        new Reporter(progress => bar.Value = progress.Finished));
                    bar.Value = bar.MaxValue;
                });
        }

        if (result.ParetoFront.Count == 0)
        {
            errors.WriteLine("error: no trial completed; see the tuning log for the failures.");
            JobRecords.WriteLog(settings, study.Snapshot(), LogSuffix(named));
            return 1;
        }

        ParetoChoice<TrainerSearch>? choice = null;
        try
        {
            choice = selection.Pick(result);
        }
        catch (InvalidOperationException exception)
        {
            PrintFront(console, result, named, null);
            errors.WriteLine($"error: --max-latency {Text(settings.MaxLatency!.Value)}: {exception.Message} Nothing was evaluated on the test split and no log was written; the study is kept in {settings.Location}.");
            return TuneCommand.UsageError;
        }

        PrintFront(console, result, named, choice.Trial.Number);
        if (settings.MaxLatency is { } bound)
        {
            console.MarkupLineInterpolated($"Chosen by --max-latency {Text(bound)} ({selection.Describe()}): {choice.Reason}.");
        }
        else
        {
            console.MarkupLineInterpolated($"Chosen: {choice.Reason} (without --max-latency the rule is {selection.Describe()} on the front).");
        }

        var defaults = run.Space.Default;
        var test = FinalComparison.Evaluate(run, [($"chosen (trial {choice.Trial.Number})", choice.Trial.Config), ("defaults", defaults)]);
        var defaultTrial = result.Trials.FirstOrDefault(t => t.Number == 0 && t.State == TrialState.Complete);
        var scores = new Table().AddColumns(["Model", .. named.Select(Header), $"Test {run.Metric.Name} ({run.Split.TestRows} rows, once)"]);
        foreach (var (name, score) in test)
        {
            var values = name == "defaults" ? defaultTrial?.Values : choice.Trial.Values;
            scores.AddRow([name, .. named.Select((_, i) => values is null ? "-" : Text(values[i])), Text(score)]);
        }

        console.Write(scores);
        var snapshot = study.Snapshot();
        var log = JobRecords.WriteLog(settings, snapshot, LogSuffix(named));

        // The report opens with the front; the card gives the front, the chosen point and why, and the test scores.
        var metricIndex = named.ToList().FindIndex(o => o.Name == metric);
        var folds = FoldStatistics.FromRunningMeans(result.Trials[choice.Trial.Number].Intermediate);
        var held = new HeldOutScores(choice.Trial.Values[metricIndex], folds.Count > 1 ? FoldStatistics.StandardDeviation(folds) : 0,
            defaultTrial?.Values is { } d ? d[metricIndex] : null, test, null);
        var skipped = new List<(string, string)>();
        var content = ReportContent.Analyse(snapshot, run.Objective.FoldCount, settings.Seed, skipped: (name, why) => skipped.Add((name, why)));
        var prefix = Prefix(named);
        var report = HtmlReport.Write(settings.Beside(prefix + ".report.html"), content);
        JobRecords.WriteCard(settings, run, content, skipped, $"{samplerKind.Label} (seed {settings.Seed}; proposed by {TuneJob.Strategies(result)})",
            "none (several objectives)", held, new ChosenPoint(choice.Trial.Number, choice.Reason), prefix);
        console.MarkupLineInterpolated($"{result.Trials.Count} trials, {result.ParetoFront.Count} on the Pareto front; proposed by: {TuneJob.Strategies(result)}. Tuning log: {log}. {clock.Elapsed.TotalSeconds:0} s.");
        console.MarkupLineInterpolated($"Report: {report}; model card: {settings.Beside(prefix + ".card.md")}");
        return 0;
    }

    /// <summary>The tuning log's suffix: its own file beside the single-objective study's (<c>.rmse-latency.trials.jsonl</c>).</summary>
    private static string LogSuffix(IEnumerable<NamedObjective> named) => Prefix(named) + ".trials.jsonl";

    /// <summary>What the files of this run carry after the study's name: the objectives' names (<c>.rmse-latency</c>).</summary>
    private static string Prefix(IEnumerable<NamedObjective> named) => "." + string.Join("-", named.Select(o => o.Name));

    /// <summary>One trial: the metric by cross-validation (reported fold by fold), then the deployment costs.</summary>
    private static IReadOnlyList<double> Evaluate(TuningRun run, DeploymentCost cost, IReadOnlyList<JobObjective> objectives,
        TrainerSearch config, Trial trial, CancellationToken cancellationToken)
    {
        var cv = run.Objective.Evaluate(config, trial, cancellationToken);
        var (latency, size) = objectives.Any(o => o != JobObjective.Metric) ? cost.Measure(config, objectives) : (double.NaN, double.NaN);
        return [.. objectives.Select(o => o switch
        {
            JobObjective.Metric => cv.Mean,
            JobObjective.Latency => latency,
            _ => size,
        })];
    }

    /// <summary>The front as a table, best metric first, the chosen point marked.</summary>
    private static void PrintFront(IAnsiConsole console, StudyResult<TrainerSearch> result, IReadOnlyList<NamedObjective> named, int? chosen)
    {
        var table = new Table().AddColumns([
            "Trial",
            .. named.Select(Header),
            "",
        ]);
        var metric = named.ToList().FindIndex(o => o.Name is not ("latency" or "size"));
        var sign = named[metric].Direction == Direction.Minimize ? 1 : -1;
        foreach (var trial in result.ParetoFront.OrderBy(t => sign * t.Values[metric]).ThenBy(t => t.Number))
        {
            table.AddRow([
                trial.Number.ToString(CultureInfo.InvariantCulture),
                .. trial.Values.Select(Text),
                trial.Number == chosen ? "chosen" : "",
            ]);
        }

        console.WriteLine();
        console.MarkupLineInterpolated($"Pareto front: {result.ParetoFront.Count} of {result.Trials.Count} trials (no other complete trial is at least as good in every objective and better in one).");
        console.Write(table);
    }

    private static string Header(NamedObjective objective) =>
        objective.Name switch { "latency" => "latency (µs/row)", "size" => "size (bytes)", _ => $"{objective.Name} (CV mean)" };

    private static string Text(double value) => value.ToString("G5", CultureInfo.InvariantCulture);

    /// <summary>Acts at once on the study's worker thread (see <see cref="TuneJob"/>'s reporter).</summary>
    private sealed class Reporter(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
