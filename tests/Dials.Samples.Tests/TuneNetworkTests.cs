using Dials.Storage;
using TuneNetwork;

namespace Dials.Samples.Tests;

/// <summary>The network sample's maths and its failure path, in-process.</summary>
public sealed class TuneNetworkTests
{
    [Fact]
    public void The_back_propagated_gradient_matches_central_finite_differences()
    {
        // A tiny net with two hidden layers and dropout: every parameter's analytic derivative against
        // (L(w + h) - L(w - h)) / 2h, the dropout masks drawn from the same seed in every evaluation. The step is small
        // because ReLU has kinks: at h = 1e-3 one weight of this net moves a hidden unit across zero and the difference
        // quotient is off by 5 %, while at 1e-4 it agrees; float rounding adds about 5e-4 to the quotient.
        var network = new Mlp(inputs: 5, width: 4, depth: 2, classes: 3, seed: 7);
        var random = new Random(3);
        var data = new LabelledSet(
            [.. Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 5).Select(_ => random.NextSingle()).ToArray())],
            [0, 1, 2, 1, 0, 2]);
        int[] batch = [0, 1, 2, 3, 4, 5];
        const double dropout = 0.3;
        double Loss(float[][] into) => network.LossAndGradient(data, batch, dropout, new Random(11), into);

        var gradients = network.NewLike();
        Loss(gradients);
        var scratch = network.NewLike();
        const float h = 1e-4f;
        var checkedCount = 0;
        for (var tensor = 0; tensor < network.Parameters.Length; tensor++)
        {
            for (var i = 0; i < network.Parameters[tensor].Length; i++)
            {
                var original = network.Parameters[tensor][i];
                network.Parameters[tensor][i] = original + h;
                var up = Loss(scratch);
                network.Parameters[tensor][i] = original - h;
                var down = Loss(scratch);
                network.Parameters[tensor][i] = original;
                var numeric = (up - down) / (2 * h);
                var analytic = gradients[tensor][i];
                Assert.True(Math.Abs(analytic - numeric) <= 2e-3 + 0.02 * Math.Abs(numeric),
                    $"tensor {tensor}, index {i}: back-propagation {analytic}, finite differences {numeric}");
                checkedCount++;
            }
        }

        Assert.Equal((5 * 4 + 4) + (4 * 4 + 4) + (4 * 3 + 3), checkedCount);
        Assert.Contains(gradients, g => g.Any(v => Math.Abs(v) > 1e-3));
    }

    [Fact]
    public async Task A_diverging_network_fails_its_trial_with_the_epoch_and_rate_and_the_study_goes_on()
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), seed: 0);
        var settings = new NetworkSettings(Trials: 2, Seed: 0, Storage: "unused.jsonl", EpochScale: 0.1);
        var study = TuneJob.CreateStudy(settings, new InMemoryStorage());
        var objective = new NetworkObjective(splits, settings);

        // Trial 0 (the queued defaults) is forced to plain SGD at a rate of 10,000, far outside the space: its weights
        // blow up within the first epoch. Trial 1 trains as sampled.
        var result = await study.OptimizeAsync((config, trial, token) => objective.RunAsync(
            trial.Number == 0 ? config with { Optimizer = "sgd", Momentum = 0.9, LearningRate = 1e4, WarmupFraction = 0 } : config,
            trial, token), trials: 2);

        var diverged = result.Trials[0];
        Assert.Equal(TrialState.Failed, diverged.State);
        Assert.Contains("NetworkDivergedException", diverged.FailReason, StringComparison.Ordinal);
        Assert.Matches(@"training loss (NaN|-?∞|-?Infinity) in epoch 1 at learning rate [0-9.]+ \(peak learning rate 10000\)$", diverged.FailReason);
        Assert.NotEqual(TrialState.Failed, result.Trials[1].State);
    }

    [Fact]
    public async Task A_population_member_checkpoint_restores_weights_and_optimizer_to_another_member()
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), seed: 0);
        var trained = new NetworkMember(splits, seed: 1);
        await trained.TrainAsync(new PbtConfig { Optimizer = "sgd", LearningRate = 0.05 }, fromStep: 0, steps: 2, CancellationToken.None);
        var copy = new NetworkMember(splits, seed: 2);
        using var checkpoint = new MemoryStream();

        await trained.SaveAsync(checkpoint, CancellationToken.None);
        checkpoint.Position = 0;
        await copy.LoadAsync(checkpoint, CancellationToken.None);

        Assert.Equal(await trained.EvaluateAsync(CancellationToken.None), await copy.EvaluateAsync(CancellationToken.None));
        Assert.Equal(2, copy.Training.EpochsDone);
        Assert.Equal("sgd", copy.Training.Config.Optimizer);
        Assert.IsType<SgdMomentum>(copy.Training.Optimizer);
    }

    [Fact]
    public void The_sealed_test_split_is_evaluated_once()
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), seed: 0);

        Assert.Equal(splits.TestRows, splits.EvaluateTestOnce(rows => rows.Count));
        var second = Assert.Throws<InvalidOperationException>(() => splits.EvaluateTestOnce(rows => rows.Count));
        Assert.Contains("already evaluated", second.Message, StringComparison.Ordinal);
        Assert.Equal(1797, splits.Train.Count + splits.Validation.Count + splits.TestRows);
    }
}
