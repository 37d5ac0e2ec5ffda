namespace Dials.Analysis;

/// <summary>Whether a study's best result stands out from noise.</summary>
public static class Uncertainty
{
    /// <summary>Spreads of the best configurations (from folds or repeated points) and the warnings they call for.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">Top count, folds, thresholds; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The study has no complete trial.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static UncertaintyReport Evaluate(StudySnapshot study, UncertaintyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        options ??= new UncertaintyOptions();
        Validate(options);
        if (study.Complete.Count == 0)
        {
            throw new InvalidOperationException(
                $"Study '{study.Name}' has no complete trial with a finite value, so there is no result to judge yet.");
        }

        var configurations = ConfigurationSamples.Group(study.Complete, options.FoldsPerTrial)
            .Select(samples => Spread(study.Space, samples))
            .ToList();

        // Stable sorts: among equal means the configuration first evaluated stays ahead, as StudySnapshot.Best does.
        var ranked = study.Direction == Direction.Minimize
            ? configurations.OrderBy(c => c.Mean).ToList()
            : configurations.OrderByDescending(c => c.Mean).ToList();

        var noise = PooledStandardDeviation(configurations, perTrialValue: false);

        // The best of n noisy scores is the maximum of n draws: even when every configuration is equally good, the
        // expected maximum of n independent normal errors of spread s is about s * sqrt(2 ln n) (the classic bound,
        // tight as n grows). That is how much better than its true score the winner should be expected to look. What
        // is selected is a trial's value, a mean over its folds, so s is the noise of that mean, not of one fold.
        var n = study.Complete.Count;
        double? selectionBias = PooledStandardDeviation(configurations, perTrialValue: true) is { } sigma
            ? sigma * Math.Sqrt(2 * Math.Log(n))
            : null;

        var warnings = UncertaintyWarnings.For(ranked, noise, selectionBias, n, options.ManyTrials);
        return new UncertaintyReport([.. ranked.Take(options.Top)], noise, selectionBias, warnings);
    }

    private static void Validate(UncertaintyOptions options)
    {
        if (options.Top < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UncertaintyOptions.Top), options.Top,
                "UncertaintyOptions.Top must be at least 1.");
        }

        if (options.FoldsPerTrial is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(UncertaintyOptions.FoldsPerTrial), options.FoldsPerTrial,
                "UncertaintyOptions.FoldsPerTrial must be at least 2 (or null when trials report no folds).");
        }

        if (options.ManyTrials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UncertaintyOptions.ManyTrials), options.ManyTrials,
                "UncertaintyOptions.ManyTrials must be at least 1.");
        }
    }

    private static ConfigurationSpread Spread(SearchSpace space, ConfigurationSamples samples)
    {
        var scores = samples.Scores;
        var mean = scores.Average();
        return new ConfigurationSpread([.. samples.Trials.Select(t => t.Number)], Parameters(space, samples.Trials[0].Point),
            mean, FoldScores.StandardDeviation(scores), scores.Count, samples.Source, scores);
    }

    private static Dictionary<string, string> Parameters(SearchSpace space, IReadOnlyList<double> point)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < point.Count; i++)
        {
            if (!double.IsNaN(point[i]))
            {
                parameters[space.Dimensions[i].Name] = space.Dimensions[i].Format(point[i]);
            }
        }

        return parameters;
    }

    /// <summary>The typical spread of one sample (or, with <paramref name="perTrialValue"/>, of one trial's value: a
    /// fold mean's variance is a fold's over k): the variances of every configuration with several samples, weighted
    /// by their degrees of freedom; null when none has more than one sample.</summary>
    private static double? PooledStandardDeviation(IReadOnlyList<ConfigurationSpread> configurations, bool perTrialValue)
    {
        var spread = configurations.Where(c => c.Samples > 1).ToList();
        if (spread.Count == 0)
        {
            return null;
        }

        var degreesOfFreedom = spread.Sum(c => c.Samples - 1);
        return Math.Sqrt(spread.Sum(c => (c.Samples - 1) * c.StandardDeviation * c.StandardDeviation
            / (perTrialValue && c.Source == SpreadSource.Folds ? c.Samples : 1)) / degreesOfFreedom);
    }
}
