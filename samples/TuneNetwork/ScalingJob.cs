using System.Globalization;
using System.Text;
using Dials;
using Dials.Practice;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// Checks the batch-size scaling rules (Dials.Practice's <see cref="BatchSizeScaling"/>) on the sample's network: the
/// tuned configuration (or the defaults when no study exists yet) at its batch size b, then at 4b with the rate
/// unchanged, scaled linearly (x4) and by the square root (x2), for the same number of epochs, over several training
/// seeds on the same split; when the tuned network uses one optimizer, the best trial of the other is checked too.
/// Validation accuracy only: the test split stays sealed. Writes <c>.scaling.csv</c>.
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
        var csv = new StringBuilder("base,run,batch,rate,seed,validation_accuracy,diverged_epoch\n");
        foreach (var (config, source) in BaseConfigs(settings))
        {
            Check(settings, splits, config with { Epochs = settings.Scale(config.Epochs) }, source, csv, console);
        }

        File.WriteAllText(settings.Beside(".scaling.csv"), csv.ToString());
        console.WriteLine($"Every run: {settings.Beside(".scaling.csv")}.");
        return Task.FromResult(0);
    }

    private static void Check(NetworkSettings settings, DigitSplits splits, NetworkConfig config, string source, StringBuilder csv, IAnsiConsole console)
    {
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
        var table = new Table().AddColumns("Run", "Peak rate", "Validation accuracy (mean ± std)", "Per seed");
        foreach (var (name, batch, runRate) in rows)
        {
            var scores = new List<string>();
            var accuracies = new List<double>();
            for (var seed = settings.Seed; seed < settings.Seed + Seeds; seed++)
            {
                var run = config with { BatchSize = batch, LearningRate = runRate };
                var (accuracy, diverged) = Train(run, splits, seed);
                csv.Append(inv, $"{config.Optimizer},\"{name}\",{batch},{runRate:R},{seed},{accuracy:R},{diverged}\n");
                scores.Add(diverged is { } epoch ? $"diverged (epoch {epoch})" : accuracy.ToString("P1", inv));
                if (diverged is null)
                {
                    accuracies.Add(accuracy);
                }
            }

            var mean = accuracies.Count == Seeds
                ? string.Create(inv, $"{accuracies.Average():P2} ± {StandardDeviation(accuracies) * 100:0.00}")
                : $"{Seeds - accuracies.Count} of {Seeds} diverged";
            table.AddRow(name, runRate.ToString("G3", inv), mean, string.Join(", ", scores));
        }

        console.Write(table);
    }

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(values.Count - 1, 1));
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

    /// <summary>The tuned configuration and, when it uses one optimizer, the best complete trial of the other (the
    /// linear rule was stated for SGD with momentum, the square-root rule for adaptive optimizers, so both are worth
    /// seeing); the defaults when there is no tuned study.</summary>
    private static List<(NetworkConfig Config, string Source)> BaseConfigs(NetworkSettings settings)
    {
        if (File.Exists(settings.Storage))
        {
            var study = TuneJob.CreateStudy(settings, new Dials.Storage.JournalStorage(settings.Storage), read: true);
            var result = study.GetResult();
            if (result.HasBest)
            {
                List<(NetworkConfig, string)> bases = [(result.Best.Config, $"the tuned network (trial {result.Best.Number} of {settings.StudyName})")];
                var other = study.Snapshot().Trials
                    .Where(t => t.State == TrialState.Complete && t.Value is not null)
                    .Select(t => (Trial: t, Config: NetworkConfig.SearchSpace.Decode([.. t.Point])))
                    .Where(t => t.Config.Optimizer != result.Best.Config.Optimizer)
                    .OrderByDescending(t => t.Trial.Value)
                    .FirstOrDefault();
                if (other.Trial is not null)
                {
                    bases.Add((other.Config, $"the best {other.Config.Optimizer} trial ({other.Trial.Number})"));
                }

                return bases;
            }
        }

        return [(NetworkConfig.SearchSpace.Default, "the default network (no tuned study yet)")];
    }
}
