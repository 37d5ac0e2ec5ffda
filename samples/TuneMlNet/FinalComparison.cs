using Dials.ML.Trainers;

namespace TuneMlNet;

/// <summary>
/// The single use of the test split: every model being compared (the tuned one and the trainer's defaults, both fitted
/// on the whole training split) is scored inside ONE <c>SealedSplit.EvaluateOnce</c> call, so the comparison is
/// recorded as one evaluation and nothing can be chosen by looking at test scores afterwards.
/// </summary>
public static class FinalComparison
{
    /// <summary>Fits the named configurations on the training rows and scores them on the test split, once.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(TuningRun run, IReadOnlyList<(string Name, TrainerSearch Config)> models) =>
        Evaluate(run, [.. models.Select(m => (m.Name, run.FitOnTraining(m.Config)))]);

    /// <summary>Scores models already fitted on the training rows on the test split, once, and returns the scores by name.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(TuningRun run, IReadOnlyList<(string Name, FittedModel Model)> fitted) =>
        run.Split.EvaluateOnce(
            string.Join(" and ", fitted.Select(m => m.Name)),
            test => fitted.ToDictionary(f => f.Name, f => run.Metric.Score(run.Ml, f.Model.Score(test))));
}
