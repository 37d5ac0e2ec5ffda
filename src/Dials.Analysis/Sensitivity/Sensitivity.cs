using Dials.Analysis.Surrogate;

namespace Dials.Analysis;

/// <summary>How far each dial can move from a configuration (the best one, usually) before the score degrades.</summary>
public static class Sensitivity
{
    /// <summary>Trees of the surrogate sweeps are predicted from, as for importance.</summary>
    private const int SurrogateTrees = 64;

    /// <summary>Sweeps around the study's best trial with scores predicted by a random-forest surrogate of its trials:
    /// no objective runs.</summary>
    /// <param name="study">The study; it needs complete trials.</param>
    /// <param name="options">Points, tolerance, seed; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The study has fewer than two complete trials.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static SensitivityResult FromSurrogate(StudySnapshot study, SensitivityOptions? options = null)
    {
        options = Validate(options);
        var set = TrainingSet.From(study, "a sensitivity sweep");
        var forest = set.FitForest(SurrogateTrees, options.Seed);
        var features = new double[study.Space.Dimensions.Count];
        ValueTask<double> Predict(double[] point, CancellationToken _)
        {
            set.Encoding.Encode(point, features);
            return ValueTask.FromResult(forest.Predict(features));
        }

        // Every prediction is ready at once, so the sweep completes synchronously and this does not block.
        var best = study.Best ?? throw new InvalidOperationException(
            $"Study '{study.Name}' has no feasible complete trial (every one broke a constraint), so there is no best configuration to sweep around.");
        var sweep = OneAtATimeSweep.RunAsync(study.Space, [.. best.Point], study.Direction, Predict, options,
            SensitivitySource.Surrogate, set.Range, CancellationToken.None);
        return sweep.GetAwaiter().GetResult();
    }

    /// <summary>Sweeps around <paramref name="center"/>, running the objective at every point (one at a time, in the
    /// space's order) and at the centre itself.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="center">The configuration to sweep around, as a point.</param>
    /// <param name="direction">Whether smaller or larger scores are better.</param>
    /// <param name="objective">Scores a point.</param>
    /// <param name="options">Points and tolerance; defaults when null.</param>
    /// <param name="cancellationToken">Stops between objective runs.</param>
    /// <exception cref="ArgumentException">The centre has the wrong length or a value its dimension does not allow.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static Task<SensitivityResult> MeasureAsync(SearchSpace space, IReadOnlyList<double> center, Direction direction,
        Func<double[], CancellationToken, ValueTask<double>> objective, SensitivityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(objective);
        options = Validate(options);
        if (center.Count != space.Dimensions.Count)
        {
            throw new ArgumentException($"The centre has {center.Count} values; a point of this search space has {space.Dimensions.Count}.", nameof(center));
        }

        var point = center.ToArray();
        space.ApplyConditions(point);
        var errors = space.Check(point);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The centre is not a valid point: " + string.Join(" ", errors.Select(e => e.Message)), nameof(center));
        }

        return OneAtATimeSweep.RunAsync(space, point, direction, objective, options, SensitivitySource.Objective, null, cancellationToken);
    }

    /// <summary>Sweeps around a typed configuration, running the objective at every point.</summary>
    /// <typeparam name="T">The hyperparameter type.</typeparam>
    /// <param name="space">Its search space.</param>
    /// <param name="center">The configuration to sweep around.</param>
    /// <param name="direction">Whether smaller or larger scores are better.</param>
    /// <param name="objective">Scores a configuration.</param>
    /// <param name="options">Points and tolerance; defaults when null.</param>
    /// <param name="cancellationToken">Stops between objective runs.</param>
    /// <exception cref="ArgumentException">The centre is not a valid configuration.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static Task<SensitivityResult> MeasureAsync<T>(SearchSpace<T> space, T center, Direction direction,
        Func<T, CancellationToken, ValueTask<double>> objective, SensitivityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        return MeasureAsync(space, space.Encode(center), direction, (point, token) => objective(space.Decode(point), token), options,
            cancellationToken);
    }

    private static SensitivityOptions Validate(SensitivityOptions? options)
    {
        options ??= new SensitivityOptions();
        if (options.Points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"SensitivityOptions.Points must be at least 2, not {options.Points}.");
        }

        if (!double.IsFinite(options.Tolerance) || options.Tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"SensitivityOptions.Tolerance must be a finite number of at least 0, not {options.Tolerance}.");
        }

        return options;
    }
}
