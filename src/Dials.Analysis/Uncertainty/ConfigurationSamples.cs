using Dials.Samplers;

namespace Dials.Analysis;

/// <summary>The scores a study holds for one configuration: several complete trials of the same point, the
/// cross-validation folds of one trial, or one value.</summary>
/// <param name="Trials">The complete trials of the configuration, in number order.</param>
/// <param name="Scores">Its samples.</param>
/// <param name="Source">What the samples are.</param>
internal sealed record ConfigurationSamples(IReadOnlyList<TrialRecord> Trials, IReadOnlyList<double> Scores, SpreadSource Source)
{
    /// <summary>Groups complete trials by identical point (inactive dimensions equal) and reads each group's samples.</summary>
    /// <param name="complete">Complete trials with finite values, in number order.</param>
    /// <param name="foldsPerTrial">Folds each trial reported as running means, or null.</param>
    /// <returns>One entry per distinct point, in order of the first trial that evaluated it.</returns>
    public static IReadOnlyList<ConfigurationSamples> Group(IReadOnlyList<TrialRecord> complete, int? foldsPerTrial) =>
    [
        .. complete
            .GroupBy(t => t.Point, PointComparer.Instance)
            .Select(group => group.ToList())
            .Select(trials => trials.Count > 1
                ? new ConfigurationSamples(trials, [.. trials.Select(t => t.Value!.Value)], SpreadSource.Repeats)
                : FromOneTrial(trials[0], foldsPerTrial)),
    ];

    private static ConfigurationSamples FromOneTrial(TrialRecord trial, int? foldsPerTrial)
    {
        if (foldsPerTrial is { } folds && trial.Intermediate.Count >= folds)
        {
            var scores = FoldScores.FromRunningMeans(trial.Intermediate, folds);

            // A fold that failed (a NaN running mean) leaves nothing trustworthy to spread; the final value still counts.
            if (scores.All(double.IsFinite))
            {
                return new ConfigurationSamples([trial], scores, SpreadSource.Folds);
            }
        }

        return new ConfigurationSamples([trial], [trial.Value!.Value], SpreadSource.Single);
    }
}
