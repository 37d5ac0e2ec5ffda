using System.Globalization;
using Dials.Samplers;
using Dials.Samplers.Gp;

namespace Dials.Stopping;

/// <summary>
/// Stops when the improvement still possible falls below the noise of the validation score, in the spirit of Optuna's
/// Terminator (Makarova et al., 2022, "Automatic termination for hyperparameter optimization"). A Gaussian process fitted
/// to the complete trials, with its noise set to the measured one, bounds the regret: the gap between the best value it
/// thinks anywhere in the space could reach (the largest upper confidence bound) and the best it is confident a tried
/// configuration reaches (the best lower confidence bound over the trials). Once that gap is smaller than the noise,
/// another trial cannot be told apart from luck.
/// </summary>
/// <remarks>
/// The noise is the standard deviation of one configuration's validation score: measure it from cross-validation
/// folds with <see cref="NoiseFromFolds"/>, or from repeated runs of one configuration. It is given, not fitted: a GP
/// left to fit it explains the noise of a flat study as signal (measured: a fitted noise of 2 to 67 % of the true one on
/// pure noise), and then never stops. As Optuna's Terminator, the GP is fitted to the better half of the complete
/// trials (at least <see cref="MinTrials"/>): over all of them, a flat study's bound levelled off at 1.15 times the
/// noise. It models the dimensions active in every trial (as <see cref="GpSampler"/>).
/// </remarks>
/// <param name="Noise">The validation score's standard deviation, in the objective's units (above 0).</param>
/// <param name="MinTrials">Complete trials before the rule may fire (20, as Optuna's Terminator).</param>
public sealed record ImprovementBelowNoiseStop(double Noise, int MinTrials = ImprovementBelowNoiseStop.DefaultMinTrials) : IStoppingRule
{
    /// <summary>The default <see cref="MinTrials"/>.</summary>
    public const int DefaultMinTrials = 20;

    // Where the largest upper bound is looked for besides the trials themselves; seeded, so a decision is reproducible.
    private const int Candidates = 2048;

    // The confidence of the bounds, as the GP-UCB analysis Optuna's Terminator follows (δ = 0.1).
    private const double Delta = 0.1;

    /// <summary>The noise of a cross-validated score from its folds' scores: their standard deviation scaled by
    /// √(1/k + 1/(k − 1)), the correction of Nadeau and Bengio (2003) for folds that share training data, as Optuna's
    /// Terminator uses.</summary>
    /// <param name="foldScores">One score per fold (at least 2).</param>
    public static double NoiseFromFolds(IReadOnlyList<double> foldScores)
    {
        ArgumentNullException.ThrowIfNull(foldScores);
        var k = foldScores.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2, nameof(foldScores));
        var mean = foldScores.Average();
        var variance = foldScores.Sum(s => (s - mean) * (s - mean)) / (k - 1);
        return Math.Sqrt(variance * ((1.0 / k) + (1.0 / (k - 1))));
    }

    /// <inheritdoc />
    public string? ShouldStop(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTrials, 2, nameof(MinTrials));
        if (!(double.IsFinite(Noise) && Noise > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Noise), Noise, "Noise must be a finite standard deviation above 0.");
        }

        if (study.Complete.Count < MinTrials)
        {
            return null;
        }

        // The better half of the trials, as Optuna's Terminator does: the bound is about the region worth searching, and
        // the worst trials' long tail would spend the GP's variance far from it.
        var better = study.Complete.OrderBy(t => study.Direction == Direction.Minimize ? t.Value!.Value : -t.Value!.Value)
            .Take(Math.Max(MinTrials, (study.Complete.Count + 1) / 2)).OrderBy(t => t.Number).ToList();
        var features = GpFeatures.Of(study.Space);
        var data = GpData.From(new SamplingContext(study.Space, study.Direction, better, study.Trials.Count), features);
        if (features.Count == 0 || data.CompleteCount < Math.Min(MinTrials, better.Count))
        {
            return null;
        }

        // Plain standardisation (no compression of the tail, unlike the sampler): the bound is read back in the
        // objective's units. Values are "larger is better" here, as GpData gives them.
        var n = data.Count;
        var values = data.Values.AsSpan(0, n);
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v / n;
        }

        var spread = 0.0;
        foreach (var v in values)
        {
            spread += (v - mean) * (v - mean) / n;
        }

        spread = Math.Max(Math.Sqrt(spread), Noise * 1e-6);
        var targets = new double[n];
        for (var i = 0; i < n; i++)
        {
            targets[i] = (values[i] - mean) / spread;
        }

        var noise = Noise / spread;
        var hyperparameters = HyperparameterFit.Fit(data.Inputs, n, targets, features.IsCategorical, deterministic: false,
            GpHyperparameters.Initial(features.Count), fixedNoise: noise * noise);
        if (GaussianProcess.Create(data.Inputs, n, targets, features.IsCategorical, hyperparameters) is not { } process)
        {
            return null;
        }

        var beta = 2 * Math.Log(features.Count * (double)n * n * Math.PI * Math.PI / (6 * Delta)) / 5;
        var width = Math.Sqrt(Math.Max(beta, 0));
        var bestLower = double.NegativeInfinity;
        var bestUpper = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var (m, v) = process.Posterior(data.Inputs.AsSpan(i * features.Count, features.Count));
            bestLower = Math.Max(bestLower, m - (width * Math.Sqrt(Math.Max(v, 0))));
            bestUpper = Math.Max(bestUpper, m + (width * Math.Sqrt(Math.Max(v, 0))));
        }

        var random = new TrialRandom(0x5709, n);
        var candidate = new double[features.Count];
        for (var c = 0; c < Candidates; c++)
        {
            for (var j = 0; j < features.Count; j++)
            {
                candidate[j] = features.FromUniform(j, random.NextDouble());
            }

            var (m, v) = process.Posterior(candidate);
            bestUpper = Math.Max(bestUpper, m + (width * Math.Sqrt(Math.Max(v, 0))));
        }

        var regret = Math.Max(0, bestUpper - bestLower) * spread;
        return regret < Noise
            ? string.Create(CultureInfo.InvariantCulture,
                $"the improvement still possible ({regret:G3}, a GP's regret bound over {data.CompleteCount} complete trials) is below the validation noise ({Noise:G3})")
            : null;
    }
}
