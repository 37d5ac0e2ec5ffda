using Dials.ML.Trainers;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>
/// The single use of the test split: every model being compared (the tuned one and the trainer's defaults, both fitted
/// on the whole training split) is scored inside ONE <c>SealedSplit.EvaluateOnce</c> call, so the comparison is
/// recorded as one evaluation and nothing can be chosen by looking at test scores afterwards.
/// </summary>
public static class FinalComparison
{
    /// <summary>Scores the named configurations on the test split, once, and returns the scores by name.</summary>
    public static IReadOnlyDictionary<string, double> Evaluate(TuningRun run, IReadOnlyList<(string Name, TrainerSearch Config)> models)
    {
        var fitted = models.Select(m => (m.Name, Model: run.FitOnTraining(m.Config))).ToList();
        return run.Split.EvaluateOnce(
            string.Join(" and ", models.Select(m => m.Name)),
            test => fitted.ToDictionary(f => f.Name, f => run.Metric.Score(run.Ml, f.Model.Transform(test))));
    }
}
