using Dials.Pruners;
using Dials.Samplers;

namespace Dials.Tuner.Tests;

/// <summary>The optimizers of <see cref="NetConfig"/>.</summary>
public enum NetOptimizer
{
    /// <summary>SGD with momentum.</summary>
    Sgd,

    /// <summary>AdamW.</summary>
    AdamW,
}

/// <summary>A generated hyperparameter type with a conditional dimension, as users declare them.</summary>
[Hyperparameters]
public partial record NetConfig
{
    /// <summary>Step size.</summary>
    [FloatRange(1e-4, 1, Log = true)]
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Examples per step.</summary>
    [PowerOfTwo(8, 128)]
    public int BatchSize { get; init; } = 32;

    /// <summary>The optimizer.</summary>
    [Choice]
    public NetOptimizer Optimizer { get; init; } = NetOptimizer.AdamW;

    /// <summary>Only searched under SGD.</summary>
    [FloatRange(0.5, 0.99), When(nameof(Optimizer), NetOptimizer.Sgd)]
    public double Momentum { get; init; } = 0.9;
}

/// <summary>The whole path a user takes: a generated type, <see cref="Study.Create{T}(StudyOptions?)"/>, a pruned
/// objective, the typed best configuration.</summary>
public sealed class GeneratedTypeStudyTests
{
    private static double Loss(NetConfig c) =>
        Math.Pow(Math.Log10(c.LearningRate) + 2, 2) + Math.Abs(Math.Log2(c.BatchSize) - 5)
        + (c.Optimizer == NetOptimizer.Sgd ? 1 - c.Momentum : 0.3);

    [Theory]
    [InlineData("random")]
    [InlineData("qmc")]
    [InlineData("grid")]
    public async Task A_generated_type_is_tuned_end_to_end(string sampler)
    {
        var study = Study.Create<NetConfig>(new StudyOptions
        {
            Sampler = sampler switch
            {
                "random" => new RandomSampler(1),
                "qmc" => new QmcSampler(seed: 1),
                _ => new GridSampler(floatPoints: 3),
            },
            Pruner = new MedianPruner(startupTrials: 5),
        });
        study.Enqueue(NetConfig.SearchSpace.Default);

        var result = await study.OptimizeAsync((config, trial, _) =>
        {
            for (var epoch = 1; epoch <= 4; epoch++)
            {
                trial.Report(epoch, Loss(config) + 1.0 / epoch);
                if (trial.ShouldPrune)
                {
                    throw new TrialPrunedException();
                }
            }

            return ValueTask.FromResult(Loss(config));
        }, trials: 40, parallelism: 2);

        Assert.Equal(40, result.Trials.Count);
        Assert.Contains(result.Trials, t => t.State == TrialState.Pruned);
        Assert.Equal(NetConfig.SearchSpace.Default, Decode(result.Trials[0]));
        Assert.Equal(Loss(result.Best.Config), result.Best.Value);
        Assert.Equal(result.Trials.Where(t => t.State == TrialState.Complete).Min(t => t.Value), result.Best.Value);
        Assert.All(result.Trials, t => Assert.Equal(
            t.Parameters["Optimizer"] is NetOptimizer.Sgd,
            t.Parameters.ContainsKey("Momentum")));
    }

    private static NetConfig Decode(TrialResult trial) =>
        NetConfig.SearchSpace.Decode(NetConfig.SearchSpace.FromValues(trial.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value)));
}
