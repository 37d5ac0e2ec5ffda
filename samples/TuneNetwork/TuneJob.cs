using System.Globalization;
using Dials;
using Dials.Pruners;
using Dials.Reporting.Export;
using Dials.Reporting.Html;
using Dials.Samplers;
using Dials.Storage;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// The tuning run: TPE over <see cref="NetworkConfig"/> with Hyperband pruning on epoch-level validation accuracy, in a
/// journal study (resumed when it exists) with the defaults as trial 0; then the best configuration is trained again,
/// scored together with the defaults in the one evaluation of the sealed test split, and its weights, the tuning log,
/// the model card and the HTML report are written next to the study.
/// </summary>
public static class TuneJob
{
    /// <summary>Hyperband's smallest rung, in epochs: 2, then 6 and 18 with the default reduction factor of 3.</summary>
    public const int MinEpochs = 2;

    /// <summary>Runs the job; returns the exit code.</summary>
    public static async Task<int> RunAsync(NetworkSettings settings, IAnsiConsole console, TextWriter errors)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), settings.Seed);
        console.WriteLine(FormattableString.Invariant(
            $"Digits: {splits.Train.Count} training rows, {splits.Validation.Count} validation rows, {splits.TestRows} sealed for one final test."));
        var study = CreateStudy(settings, new JournalStorage(settings.Storage));
        var before = study.GetResult().Trials.Count;
        console.WriteLine($"Study {settings.StudyName} in {settings.Storage}: {before} trial(s) already, budget {settings.Trials} in total; TPE sampler, Hyperband pruning on validation accuracy per epoch.");
        var objective = new NetworkObjective(splits, settings);
        var result = await study.OptimizeAsync(objective.RunAsync, new Printer(console), settings.Trials);

        var snapshot = study.Snapshot();
        using (var log = new StreamWriter(settings.Beside(".trials.jsonl")))
        {
            TuningLogJson.WriteLines(snapshot, log);
        }

        if (!result.HasBest)
        {
            errors.WriteLine("error: no trial completed; see the tuning log for the failures.");
            return 1;
        }

        // The trial's network was not kept: training is deterministic in the configuration and the seed, so training
        // the winner again gives the same network (and its validation accuracy confirms it).
        var tuned = objective.Retrain(result.Best.Config);
        var defaults = objective.Retrain(NetworkConfig.SearchSpace.Default);
        var validation = tuned.Network.Evaluate(splits.Validation).Accuracy;
        var test = splits.EvaluateTestOnce(rows => (Tuned: tuned.Network.Evaluate(rows), Defaults: defaults.Network.Evaluate(rows)));
        var weights = settings.Beside(".weights.json");
        NetworkWeights.Write(weights, tuned);

        var skipped = new List<(string, string)>();
        // The report also shows the learning-rate range test of the winner's network (its optimizer and shape).
        var content = ReportContent.Analyse(snapshot, seed: settings.Seed, skipped: (name, why) => skipped.Add((name, why))) with
        {
            RangeTest = await RangeTestJob.RunAsync(result.Best.Config, splits, settings.Seed),
        };
        var report = HtmlReport.Write(settings.Beside(".report.html"), content);
        var card = ModelCard.From(content, skipped) with
        {
            Sections = Sections(settings, splits, result, validation, test.Tuned, test.Defaults, weights),
        };
        File.WriteAllText(settings.Beside(".card.json"), ModelCardJson.Write(card, snapshot.Space));
        File.WriteAllText(settings.Beside(".card.md"), ModelCardMarkdown.Write(card));

        var states = string.Join(", ", result.Trials.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        console.WriteLine();
        console.WriteLine($"{result.Trials.Count} trials ({states}); best is trial {result.Best.Number}.");
        var table = new Table().AddColumns("Hyperparameter", "Tuned", "Default");
        foreach (var dimension in NetworkConfig.SearchSpace.Dimensions)
        {
            table.AddRow(dimension.Name, result.Best.Parameters.TryGetValue(dimension.Name, out var value) ? Format(value) : "-", Format(dimension.Default));
        }

        console.Write(table);
        var scores = new Table().AddColumns("Network", "Validation accuracy", $"Test accuracy ({splits.TestRows} rows, once)", "Test loss");
        scores.AddRow($"tuned (trial {result.Best.Number})", Percent(validation), Percent(test.Tuned.Accuracy), Number(test.Tuned.Loss));
        scores.AddRow("defaults", Percent(defaults.Network.Evaluate(splits.Validation).Accuracy), Percent(test.Defaults.Accuracy), Number(test.Defaults.Loss));
        console.Write(scores);
        console.WriteLine($"Tuning log: {settings.Beside(".trials.jsonl")}; model card: {settings.Beside(".card.md")} (+ .json); weights: {weights}; report: {report}. {clock.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    /// <summary>Creates (or resumes) the study; a new study gets the defaults as trial 0 unless only read
    /// (<paramref name="read"/>: the range test and the scaling check look up the tuned configuration).</summary>
    public static Study<NetworkConfig> CreateStudy(NetworkSettings settings, IStudyStorage storage, bool read = false)
    {
        var study = Study.Create<NetworkConfig>(new StudyOptions
        {
            Name = settings.StudyName,
            Direction = Direction.Maximize,
            Sampler = new TpeSampler(settings.Seed),
            // Epochs are the resource: a trial is judged at 2, 6 and 18 epochs against the others of its bracket.
            Pruner = new HyperbandPruner(maxResource: settings.Scale(NetworkConfig.MaxEpochs), minResource: Math.Min(MinEpochs, settings.Scale(NetworkConfig.MaxEpochs))),
            Storage = storage,
        });
        if (!read && study.GetResult().Trials.Count == 0)
        {
            study.Enqueue(NetworkConfig.SearchSpace.Default, "the hand-picked defaults, as a baseline");
        }

        return study;
    }

    private static List<CardSection> Sections(NetworkSettings settings, DigitSplits splits, StudyResult<NetworkConfig> result,
        double validation, (double Accuracy, double Loss) tuned, (double Accuracy, double Loss) defaults, string weights)
    {
        var inv = CultureInfo.InvariantCulture;
        var at = splits.EvaluatedAt?.ToString("u", inv) ?? "not evaluated";
        return
        [
            new("Setup",
            [
                new("Data", "8x8 handwritten digits (scikit-learn's copy of the UCI test set, BSD-3-Clause), 1,797 images, 10 classes", Digits.ShippedPath),
                new("Split", string.Create(inv, $"{splits.Train.Count} training, {splits.Validation.Count} validation, {splits.TestRows} test rows sealed (stratified, seed {splits.Seed})")),
                new("Model", "multilayer perceptron (ReLU, dropout, softmax cross-entropy), SGD with momentum or Adam, warmup then cosine or step decay; samples/TuneNetwork"),
                new("Metric", "validation accuracy after the last epoch (maximize), reported every epoch"),
                new("Sampler", string.Create(inv, $"TPE (seed {settings.Seed})")),
                new("Pruner", string.Create(inv, $"Hyperband over epochs (minimum {MinEpochs}, maximum {settings.Scale(NetworkConfig.MaxEpochs)}, reduction factor 3)")),
                new("Budget", string.Create(inv, $"{settings.Trials} trials total"), settings.Trials),
            ]),
            new("Held-out scores",
            [
                new("Validation accuracy, tuned", validation.ToString("P2", inv), validation),
                new("Test accuracy, tuned", string.Create(inv, $"{tuned.Accuracy:P2} (loss {tuned.Loss:G4}; the sealed split, evaluated once, {at})"), tuned.Accuracy),
                new("Test accuracy, defaults", string.Create(inv, $"{defaults.Accuracy:P2} (loss {defaults.Loss:G4}; same evaluation)"), defaults.Accuracy),
            ]),
            new("Artifacts",
            [
                new("Weights", $"{Path.GetFileName(weights)}: the tuned network (trial {result.Best.Number}) trained again from its seed", weights),
            ]),
            new("Versions",
            [
                new("Dials", ModelCard.DialsVersionText),
                new(".NET", Environment.Version.ToString()),
            ]),
        ];
    }

    private static string Format(object value) => value switch
    {
        double v => v.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>One line per finished trial, on the study's worker thread (see TuneMlNet's reporter for why not
    /// <see cref="Progress{T}"/>).</summary>
    private sealed class Printer(IAnsiConsole console) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value)
        {
            var trial = value.Trial;
            var what = trial.State switch
            {
                TrialState.Complete => string.Create(CultureInfo.InvariantCulture, $"validation accuracy {trial.Value:P2}"),
                TrialState.Pruned => $"pruned after epoch {(trial.Intermediate.Count > 0 ? trial.Intermediate[^1].Step : 0)}",
                TrialState.Failed => "failed: " + trial.FailReason,
                _ => trial.State.ToString().ToLowerInvariant(),
            };
            var best = value.Best?.Value is { } b ? string.Create(CultureInfo.InvariantCulture, $"; best {b:P2}") : "";
            console.WriteLine($"Trial {trial.Number}: {what}{best} ({value.Finished}/{value.Budget})");
        }
    }
}
