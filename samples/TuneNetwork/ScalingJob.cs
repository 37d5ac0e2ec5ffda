using System.Globalization;
using System.Text;
using Dials.Practice;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// Checks the batch-size scaling rules (Dials.Practice's <see cref="BatchSizeScaling"/>) on the sample's network: the
/// tuned configuration (or the defaults when no study exists yet) at its batch size b, then at 4b with the rate
/// unchanged, scaled linearly (x4) and by the square root (x2), for the same number of epochs, over several training
/// seeds on the same split. Validation accuracy only: the test split stays sealed. Writes <c>.scaling.csv</c>.
/// </summary>
public static class ScalingJob
{
    /// <summary>How much larger the second batch is.</summary>
    public const int Factor = 4;

    /// <summary>Training seeds averaged per row.</summary>
    public const int Seeds = 5;

    /// <summary>Runs the check; returns the exit code.</summary>
    public static Task<int> RunAsync(NetworkSettings settings, IAnsiConsole console)
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), settings.Seed);
        var (config, source) = BaseConfig(settings);
        config = config with { Epochs = settings.Scale(config.Epochs) };
        var b = config.BatchSize;
        var rate = config.LearningRate;
        var rows = new (string Name, int Batch, double Rate)[]
        {
            ($"batch {b}, tuned rate", b, rate),
            ($"batch {Factor * b}, same rate", Factor * b, rate),
            ($"batch {Factor * b}, linear rule", Factor * b, BatchSizeScaling.ScaleLearningRate(rate, b, Factor * b, ScalingRule.Linear)),
            ($"batch {Factor * b}, square-root rule", Factor * b, BatchSizeScaling.ScaleLearningRate(rate, b, Factor * b, ScalingRule.SquareRoot)),
        };

        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(inv, $"Batch-size scaling on {source}: {config.Optimizer}, peak rate {rate:G3}, batch {b}, {config.Epochs} epochs, {config.Schedule} schedule with {config.WarmupFraction:P0} warmup; validation accuracy, mean over training seeds {settings.Seed}-{settings.Seed + Seeds - 1}."));
        var table = new Table().AddColumns("Run", "Peak rate", "Validation accuracy (mean)", "Per seed");
        var csv = new StringBuilder("run,batch,rate,seed,validation_accuracy,diverged_epoch\n");
        foreach (var (name, batch, runRate) in rows)
        {
            var scores = new List<string>();
            var accuracies = new List<double>();
            for (var seed = settings.Seed; seed < settings.Seed + Seeds; seed++)
            {
                var run = config with { BatchSize = batch, LearningRate = runRate };
                var (accuracy, diverged) = Train(run, splits, seed);
                csv.Append(inv, $"\"{name}\",{batch},{runRate:R},{seed},{accuracy:R},{diverged}\n");
                scores.Add(diverged is { } epoch ? $"diverged (epoch {epoch})" : accuracy.ToString("P1", inv));
                if (diverged is null)
                {
                    accuracies.Add(accuracy);
                }
            }

            var mean = accuracies.Count == Seeds ? accuracies.Average().ToString("P2", inv) : $"{Seeds - accuracies.Count} of {Seeds} diverged";
            table.AddRow(name, runRate.ToString("G3", inv), mean, string.Join(", ", scores));
        }

        File.WriteAllText(settings.Beside(".scaling.csv"), csv.ToString());
        console.Write(table);
        console.WriteLine($"Every run: {settings.Beside(".scaling.csv")}.");
        return Task.FromResult(0);
    }

    private static (double Accuracy, int? Diverged) Train(NetworkConfig config, DigitSplits splits, int seed)
    {
        var training = new NetworkTraining(config, splits.Train, seed);
        try
        {
            while (training.EpochsDone < config.Epochs)
            {
                training.TrainEpoch();
            }
        }
        catch (NetworkDivergedException diverged)
        {
            return (double.NaN, diverged.Epoch);
        }

        return (training.Network.Evaluate(splits.Validation).Accuracy, null);
    }

    private static (NetworkConfig Config, string Source) BaseConfig(NetworkSettings settings)
    {
        if (File.Exists(settings.Storage))
        {
            var result = TuneJob.CreateStudy(settings, new Dials.Storage.JournalStorage(settings.Storage), read: true).GetResult();
            if (result.HasBest)
            {
                return (result.Best.Config, $"the tuned network (trial {result.Best.Number} of {settings.StudyName})");
            }
        }

        return (NetworkConfig.SearchSpace.Default, "the default network (no tuned study yet)");
    }
}
