using Dials;
using Dials.Options;

namespace TunedService;

/// <summary>
/// A cheap stand-in for an offline evaluation (replaying yesterday's traffic): a noisy bowl whose optimum is at
/// DecayRate 0.003, CandidatePool 256, FreshnessWeight 0.3, Blend "product". It reports a few intermediate scores so a
/// pruner has something to judge, and honours cancellation so shutdown is prompt.
/// </summary>
public sealed class SyntheticObjective(ILogger<SyntheticObjective> logger) : ITrialObjective<RankingOptions>
{
    public async ValueTask<double> EvaluateAsync(RankingOptions config, Trial trial, CancellationToken cancellationToken)
    {
        var noise = new Random(trial.Number);
        var loss = Math.Pow(Math.Log10(config.DecayRate) + 2.5, 2)
                   + Math.Pow(Math.Log2(config.CandidatePool) - 8, 2) / 10
                   + Math.Pow(config.FreshnessWeight - 0.3, 2)
                   + (config.Blend == "product" ? 0 : 0.2);
        for (var step = 1; step <= 5; step++)
        {
            // Each "epoch" of the replay takes a moment, like a real evaluation would.
            await Task.Delay(20, cancellationToken);
            trial.Report(step, loss + (1.0 / step) + (noise.NextDouble() * 0.01));
            if (trial.ShouldPrune)
            {
                logger.LogDebug("Trial {Number} pruned at step {Step}.", trial.Number, step);
                throw new TrialPrunedException();
            }
        }

        return loss + (noise.NextDouble() * 0.01);
    }
}
