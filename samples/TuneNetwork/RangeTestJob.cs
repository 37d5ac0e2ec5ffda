using System.Globalization;
using System.Text;
using System.Text.Json;
using Dials.Practice;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// The learning-rate range test (Dials.Practice) on the sample's network: the default architecture trained from fresh
/// weights one mini-batch per rate, the rate growing from 1e-5 to 10, once with SGD (momentum 0.9) and once with Adam.
/// Writes the curves (<c>.range-test.csv</c>), the suggestions (<c>.range-test.json</c>) and a chart
/// (<c>.range-test.svg</c>) next to the study, and prints the suggestions beside the tuned rate when the study has one.
/// </summary>
public static class RangeTestJob
{
    /// <summary>The rates the test sweeps.</summary>
    public static LearningRateRangeOptions Options { get; } = new() { MinRate = 1e-4, MaxRate = 10, Steps = 200, Smoothing = 0.9 };

    /// <summary>The range test of one configuration's network on the training split (its own rate is swept).</summary>
    public static Task<LearningRateRangeResult> RunAsync(NetworkConfig config, DigitSplits splits, int seed)
    {
        var training = new NetworkTraining(config, splits.Train, seed);
        return LearningRateRangeTest.RunAsync((rate, _) => ValueTask.FromResult(training.Step(rate)), Options);
    }

    /// <summary>Runs both tests; returns the exit code.</summary>
    public static async Task<int> RunAsync(NetworkSettings settings, IAnsiConsole console)
    {
        var splits = DigitSplits.Create(Digits.Load(Digits.ShippedPath), settings.Seed);
        var results = new List<(string Optimizer, LearningRateRangeResult Result)>();
        foreach (var optimizer in new[] { "sgd", "adam" })
        {
            var config = NetworkConfig.SearchSpace.Default with { Optimizer = optimizer, Momentum = 0.9 };
            results.Add((optimizer, await RunAsync(config, splits, settings.Seed)));
        }

        WriteCsv(settings.Beside(".range-test.csv"), results);
        WriteJson(settings.Beside(".range-test.json"), results);
        File.WriteAllText(settings.Beside(".range-test.svg"), RangeTestChart.Svg(results));

        var tuned = TunedRate(settings);
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("Optimizer", "Suggested rate", "Steepest fall", "Lowest loss at", "Diverged at");
        foreach (var (optimizer, result) in results)
        {
            table.AddRow(optimizer, result.SuggestedRate.ToString("G3", inv), result.SteepestRate.ToString("G3", inv),
                result.MinimumLossRate.ToString("G3", inv), result.DivergenceRate?.ToString("G3", inv) ?? "-");
        }

        console.WriteLine(string.Create(inv, $"Learning-rate range test: default network ({NetworkConfig.SearchSpace.Default.Width} units x {NetworkConfig.SearchSpace.Default.Depth} layer, batch {NetworkConfig.SearchSpace.Default.BatchSize}), {Options.Steps} steps from {Options.MinRate:G} to {Options.MaxRate:G}."));
        console.Write(table);
        console.WriteLine(tuned is { } t
            ? string.Create(inv, $"The study's best trial uses {t.Optimizer} at a peak rate of {t.Rate:G3}.")
            : "No tuned study next to these files yet: run without --range-test to compare with the tuned rate.");
        console.WriteLine($"Curves: {settings.Beside(".range-test.csv")}; suggestions: {settings.Beside(".range-test.json")}; chart: {settings.Beside(".range-test.svg")}.");
        return 0;
    }

    /// <summary>The best trial's optimizer and rate, when the study's journal exists and has a best trial.</summary>
    internal static (string Optimizer, double Rate)? TunedRate(NetworkSettings settings)
    {
        if (!File.Exists(settings.Storage))
        {
            return null;
        }

        var study = TuneJob.CreateStudy(settings, new Dials.Storage.JournalStorage(settings.Storage), read: true);
        var result = study.GetResult();
        return result.HasBest ? (result.Best.Config.Optimizer, result.Best.Config.LearningRate) : null;
    }

    private static void WriteCsv(string path, List<(string Optimizer, LearningRateRangeResult Result)> results)
    {
        var text = new StringBuilder("optimizer,rate,loss,smoothed_loss\n");
        foreach (var (optimizer, result) in results)
        {
            foreach (var point in result.Points)
            {
                text.Append(CultureInfo.InvariantCulture, $"{optimizer},{point.Rate:R},{point.Loss:R},{point.SmoothedLoss:R}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void WriteJson(string path, List<(string Optimizer, LearningRateRangeResult Result)> results)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("minRate", Options.MinRate);
        json.WriteNumber("maxRate", Options.MaxRate);
        json.WriteNumber("steps", Options.Steps);
        foreach (var (optimizer, result) in results)
        {
            json.WriteStartObject(optimizer);
            json.WriteNumber("suggestedRate", result.SuggestedRate);
            json.WriteNumber("steepestRate", result.SteepestRate);
            json.WriteNumber("minimumLossRate", result.MinimumLossRate);
            if (result.DivergenceRate is { } diverged)
            {
                json.WriteNumber("divergenceRate", diverged);
            }
            else
            {
                json.WriteNull("divergenceRate");
            }

            json.WriteNumber("points", result.Points.Count);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
