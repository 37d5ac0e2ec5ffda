namespace Dials.Analysis;

/// <summary>How far each dial can move from a configuration (the best one, usually) before the score degrades.</summary>
public static class Sensitivity
{
    /// <summary>Sweeps around the study's best trial with scores predicted by a random-forest surrogate of its trials:
    /// no objective runs.</summary>
    /// <param name="study">The study; it needs complete trials.</param>
    /// <param name="options">Points, tolerance, seed; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The study has fewer than two complete trials.</exception>
    public static SensitivityResult FromSurrogate(StudySnapshot study, SensitivityOptions? options = null) =>
        throw new NotImplementedException("issue 8: sensitivity helper");

    /// <summary>Sweeps around <paramref name="center"/>, running the objective at every point (one at a time, in the
    /// space's order) and at the centre itself.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="center">The configuration to sweep around, as a point.</param>
    /// <param name="direction">Whether smaller or larger scores are better.</param>
    /// <param name="objective">Scores a point.</param>
    /// <param name="options">Points and tolerance; defaults when null.</param>
    /// <param name="cancellationToken">Stops between objective runs.</param>
    public static Task<SensitivityResult> MeasureAsync(SearchSpace space, IReadOnlyList<double> center, Direction direction,
        Func<double[], CancellationToken, ValueTask<double>> objective, SensitivityOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("issue 8: sensitivity helper");

    /// <summary>Sweeps around a typed configuration, running the objective at every point.</summary>
    /// <typeparam name="T">The hyperparameter type.</typeparam>
    /// <param name="space">Its search space.</param>
    /// <param name="center">The configuration to sweep around.</param>
    /// <param name="direction">Whether smaller or larger scores are better.</param>
    /// <param name="objective">Scores a configuration.</param>
    /// <param name="options">Points and tolerance; defaults when null.</param>
    /// <param name="cancellationToken">Stops between objective runs.</param>
    public static Task<SensitivityResult> MeasureAsync<T>(SearchSpace<T> space, T center, Direction direction,
        Func<T, CancellationToken, ValueTask<double>> objective, SensitivityOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("issue 8: sensitivity helper");
}
