using System.Text.Json;
using Dials;
using Dials.ML.Trainers;
using Dials.ML.Tuning;

namespace TuneMlNet;

/// <summary>
/// Writes the tuning log: one JSON line per trial of the study (this run's and any earlier run's) with its parameters,
/// fold scores, mean and standard deviation, state, duration, and the strategy that proposed it and why. Fold scores come from the running means the trial
/// reported to the storage, so a resumed study's earlier trials are logged as completely as new ones.
/// </summary>
public static class TuningLog
{
    /// <summary>Rewrites <paramref name="path"/> from the study's trials.</summary>
    public static void Write(string path, StudyResult<LightGbmParameters> result)
    {
        using var writer = new StreamWriter(path);
        foreach (var trial in result.Trials)
        {
            var folds = FoldStatistics.FromRunningMeans(trial.Intermediate);
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                trial = trial.Number,
                state = trial.State.ToString(),
                value = trial.Value,
                foldScores = folds,
                mean = folds.Count == 0 ? (double?)null : folds.Average(),
                std = folds.Count == 0 ? (double?)null : FoldStatistics.StandardDeviation(folds),
                durationSeconds = trial.Duration?.TotalSeconds,
                parameters = trial.Parameters,
                strategy = trial.Strategy,
                strategyReason = trial.StrategyReason,
                reason = trial.FailReason,
            }));
        }
    }
}
