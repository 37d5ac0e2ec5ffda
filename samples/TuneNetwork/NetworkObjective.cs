using Dials;

namespace TuneNetwork;

/// <summary>
/// The study's objective: train a network under the trial's configuration on the training rows and report its
/// validation accuracy after every epoch, so Hyperband can stop the unpromising ones early; the value is the last
/// epoch's validation accuracy. A network whose loss turns NaN throws <see cref="NetworkDivergedException"/>, which the
/// study records as this trial Failed with that message (epoch and rate) and carries on.
/// </summary>
/// <param name="splits">The data; only the training and validation rows are used.</param>
/// <param name="settings">The seed and the epoch scale.</param>
public sealed class NetworkObjective(DigitSplits splits, NetworkSettings settings)
{
    /// <summary>Trains and scores one trial.</summary>
    public ValueTask<double> RunAsync(NetworkConfig config, Trial trial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var training = new NetworkTraining(Scaled(config), splits.Train, settings.Seed);
        var accuracy = double.NaN;
        for (var epoch = 1; epoch <= training.Config.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            training.TrainEpoch();
            accuracy = training.Network.Evaluate(splits.Validation).Accuracy;
            trial.Report(epoch, accuracy);
            if (trial.ShouldPrune)
            {
                throw new TrialPrunedException($"validation accuracy {accuracy:P1} after epoch {epoch}");
            }
        }

        return ValueTask.FromResult(accuracy);
    }

    /// <summary>Trains <paramref name="config"/> from scratch exactly as its trial did (same seed, same shuffles).</summary>
    public NetworkTraining Retrain(NetworkConfig config)
    {
        var training = new NetworkTraining(Scaled(config), splits.Train, settings.Seed);
        while (training.EpochsDone < training.Config.Epochs)
        {
            training.TrainEpoch();
        }

        return training;
    }

    private NetworkConfig Scaled(NetworkConfig config) => config with { Epochs = settings.Scale(config.Epochs) };
}
