namespace Dials.Analysis.Surrogate;

/// <summary>What the analyses learn from: a study's complete trials as feature columns and targets.</summary>
internal sealed class TrainingSet
{
    /// <summary>The fewest complete trials an analysis can learn anything from.</summary>
    public const int MinimumTrials = 2;

    private TrainingSet(StudySnapshot study, FeatureEncoding encoding, double[][] columns, double[] targets)
    {
        Study = study;
        Encoding = encoding;
        Columns = columns;
        Targets = targets;
    }

    /// <summary>The study the trials come from.</summary>
    public StudySnapshot Study { get; }

    /// <summary>How points become features.</summary>
    public FeatureEncoding Encoding { get; }

    /// <summary>The features, one array per dimension, one entry per trial.</summary>
    public double[][] Columns { get; }

    /// <summary>The trials' values.</summary>
    public double[] Targets { get; }

    /// <summary>The number of trials.</summary>
    public int Count => Targets.Length;

    /// <summary>The spread of the values (largest minus smallest).</summary>
    public double Range => Targets.Max() - Targets.Min();

    /// <summary>The complete trials of <paramref name="study"/>.</summary>
    /// <param name="study">The study.</param>
    /// <param name="analysis">What the trials are for, as the error message should say it ("importance").</param>
    /// <exception cref="InvalidOperationException">Fewer than <see cref="MinimumTrials"/> complete trials.</exception>
    public static TrainingSet From(StudySnapshot study, string analysis)
    {
        ArgumentNullException.ThrowIfNull(study);
        var complete = study.Complete;
        if (complete.Count < MinimumTrials)
        {
            throw new InvalidOperationException(
                $"Study '{study.Name}' has {complete.Count} complete trial(s) with a finite value (of {study.Trials.Count} in all); " +
                $"{analysis} needs at least {MinimumTrials}.");
        }

        var points = complete.Select(t => t.Point).ToArray();
        var encoding = FeatureEncoding.For(study.Space, points);
        return new TrainingSet(study, encoding, encoding.EncodeColumns(points), [.. complete.Select(t => t.Value!.Value)]);
    }

    /// <summary>A random-forest surrogate of the trials.</summary>
    public RandomForest FitForest(int trees, long seed) => RandomForest.Fit(Columns, Targets, trees, seed);
}
