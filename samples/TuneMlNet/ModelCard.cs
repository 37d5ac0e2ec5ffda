using System.Globalization;
using System.Text;
using System.Text.Json;
using Dials;
using Dials.ML.Trainers;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>What a model card records about one tuning: enough to reproduce it and to judge its claim.</summary>
/// <param name="Settings">The run's settings.</param>
/// <param name="Run">The prepared data, split and metric.</param>
/// <param name="Result">The study.</param>
/// <param name="Sampler">The sampler's description.</param>
/// <param name="Pruner">The pruner's description.</param>
/// <param name="BestMean">The best trial's cross-validated mean.</param>
/// <param name="BestStd">Its standard deviation over folds.</param>
/// <param name="DefaultMean">The defaults' cross-validated mean (trial 0), when known.</param>
/// <param name="TestScores">The single test evaluation, by model name.</param>
/// <param name="Threshold">The decision threshold chosen for a binary classifier, when any.</param>
public sealed record ModelCard(TuneSettings Settings, TuningRun Run, StudyResult<LightGbmParameters> Result, string Sampler,
    string Pruner, double BestMean, double BestStd, double? DefaultMean, IReadOnlyDictionary<string, double> TestScores, string? Threshold)
{
    /// <summary>Writes <c>.card.md</c> and <c>.card.json</c> next to the study.</summary>
    public void Write()
    {
        File.WriteAllText(Settings.Beside(".card.json"), JsonSerializer.Serialize(ToJson(), new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Settings.Beside(".card.md"), ToMarkdown());
    }

    private Dictionary<string, object?> ToJson() => new()
    {
        ["study"] = Settings.StudyName,
        ["data"] = new { file = Path.GetFullPath(Settings.Data), rows = Run.Dataset.Rows, label = Settings.Label, task = Settings.Task.ToString(), features = Run.Dataset.FeatureColumns },
        ["split"] = new { testFraction = TuneSettings.TestFraction, trainRows = Run.Split.TrainRows, testRows = Run.Split.TestRows, seed = Run.Split.Seed, stratifiedBy = Run.Split.StratifiedBy, folds = Settings.Folds },
        ["metric"] = new { name = Run.Metric.Name, direction = Run.Metric.Direction.ToString() },
        ["trainer"] = "LightGbm (Microsoft.ML.LightGbm)",
        ["searchSpace"] = LightGbmParameters.SearchSpace.Dimensions.Select(d => d.ToString()).ToArray(),
        ["sampler"] = Sampler,
        ["pruner"] = Pruner,
        ["seed"] = Settings.Seed,
        ["budget"] = new { trials = Settings.Trials, timeoutSeconds = Settings.Timeout?.TotalSeconds, trialsInStudy = Result.Trials.Count, complete = Count(TrialState.Complete), pruned = Count(TrialState.Pruned), failed = Count(TrialState.Failed) },
        ["best"] = new { trial = Result.Best.Number, parameters = Result.Best.Parameters, cvMean = BestMean, cvStd = BestStd },
        ["defaults"] = new { cvMean = DefaultMean },
        ["test"] = new { scores = TestScores, evaluated = Run.Split.Evaluation?.What, at = Run.Split.Evaluation?.At },
        ["threshold"] = Threshold,
        ["versions"] = Versions(),
    };

    private string ToMarkdown()
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"# Model card: {Settings.StudyName}");
        md.AppendLine();
        md.AppendLine(inv, $"- Data: `{Path.GetFileName(Settings.Data)}`, {Run.Dataset.Rows} rows, label `{Settings.Label}` ({Settings.Task}), {Run.Dataset.FeatureColumns.Count} numeric features.");
        md.AppendLine(inv, $"- Split: {Run.Split.TrainRows} training rows, {Run.Split.TestRows} test rows sealed ({TuneSettings.TestFraction:P0}, seed {Run.Split.Seed}{(Run.Split.StratifiedBy is null ? "" : ", stratified")}); {Settings.Folds}-fold cross-validation inside the training rows.");
        md.AppendLine(inv, $"- Metric: {Run.Metric.Name} ({Run.Metric.Direction.ToString().ToLowerInvariant()}).");
        md.AppendLine(inv, $"- Trainer: LightGbm. Sampler: {Sampler}. Pruner: {Pruner}. Seed: {Settings.Seed}.");
        md.AppendLine(inv, $"- Budget: {Settings.Trials} trials total{(Settings.Timeout is { } t ? $", {t.TotalSeconds:0} s per run" : "")}; the study holds {Result.Trials.Count} ({Count(TrialState.Complete)} complete, {Count(TrialState.Pruned)} pruned, {Count(TrialState.Failed)} failed).");
        md.AppendLine();
        md.AppendLine("## Search space");
        md.AppendLine();
        foreach (var dimension in LightGbmParameters.SearchSpace.Dimensions)
        {
            md.AppendLine(inv, $"- {dimension}");
        }

        md.AppendLine();
        md.AppendLine(inv, $"## Best hyperparameters (trial {Result.Best.Number})");
        md.AppendLine();
        md.AppendLine("| Parameter | Value |");
        md.AppendLine("|---|---|");
        foreach (var (name, value) in Result.Best.Parameters)
        {
            md.AppendLine(inv, $"| {name} | {Format(value)} |");
        }

        md.AppendLine();
        md.AppendLine("## Scores");
        md.AppendLine();
        md.AppendLine(inv, $"- Cross-validated {Run.Metric.Name}, tuned: {BestMean:G5} ± {BestStd:G3} (mean ± std over folds).");
        if (DefaultMean is { } d)
        {
            md.AppendLine(inv, $"- Cross-validated {Run.Metric.Name}, defaults (trial 0): {d:G5}.");
        }

        var tests = string.Join(", ", TestScores.Select(s => string.Create(inv, $"{s.Key} {s.Value:G5}")));
        md.AppendLine(inv, $"- Test split, evaluated once ({Run.Split.Evaluation?.At:u}): {tests}.");
        if (Threshold is not null)
        {
            md.AppendLine(inv, $"- Decision threshold (chosen on out-of-fold predictions, not a hyperparameter): {Threshold}.");
        }

        md.AppendLine();
        md.AppendLine("## Versions");
        md.AppendLine();
        foreach (var (name, version) in Versions())
        {
            md.AppendLine(inv, $"- {name} {version}");
        }

        return md.ToString();
    }

    private int Count(TrialState state) => Result.Trials.Count(t => t.State == state);

    private static Dictionary<string, string> Versions() => new()
    {
        ["Dials"] = VersionOf(typeof(Study)),
        ["Microsoft.ML"] = VersionOf(typeof(MLContext)),
        ["Microsoft.ML.LightGbm"] = VersionOf(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer)),
        [".NET"] = Environment.Version.ToString(),
    };

    // The informational version is the package version (assembly versions of ML.NET stay at 1.0.0.0); any "+commit" suffix is dropped.
    private static string VersionOf(Type type) =>
        (type.Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "?").Split('+')[0];

    /// <summary>A parameter value as the card and console print it.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
