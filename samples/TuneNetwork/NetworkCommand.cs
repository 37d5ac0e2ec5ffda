using System.CommandLine;
using Spectre.Console;

namespace TuneNetwork;

/// <summary>
/// The command line: tuning by default, or <c>--range-test</c>, <c>--scaling</c>, <c>--pbt</c> or <c>--compare-pbt</c>. Options that cannot
/// be used end with one <c>error: ...</c> line on standard error and exit code 2.
/// </summary>
public static class NetworkCommand
{
    /// <summary>Exit code for options that cannot be used.</summary>
    public const int UsageError = 2;

    /// <summary>The default trial budget: about two minutes on two shared cores (see the README).</summary>
    public const int DefaultTrials = 100;

    /// <summary>Runs the command with <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter errors)
    {
        var trials = new Option<int>("--trials") { Description = "Total trials in the study, counting those of earlier runs in the same journal.", DefaultValueFactory = _ => DefaultTrials };
        var seed = new Option<int>("--seed") { Description = "Seeds the split, the sampler and the networks.", DefaultValueFactory = _ => 0 };
        var storage = new Option<string?>("--storage") { Description = "The study's journal file; every output goes next to it. Default: runs/digits.jsonl in the working directory." };
        var epochScale = new Option<double>("--epoch-scale") { Description = "Multiplies every training length (for quick checks; 1 for real runs).", DefaultValueFactory = _ => 1 };
        var rangeTest = new Option<bool>("--range-test") { Description = "Run the learning-rate range test on the default network (SGD and Adam) instead of tuning." };
        var scaling = new Option<bool>("--scaling") { Description = "Check the linear and square-root batch-size scaling rules on the tuned (or default) network instead of tuning." };
        var pbt = new Option<bool>("--pbt") { Description = "Run population-based training (8 members, 30 epochs, rounds every 3) instead of tuning; resumable from its checkpoints." };
        var comparePbt = new Option<int?>("--compare-pbt") { Description = "Benchmark: on this many seeds, PBT against TPE with Hyperband at the same total epochs, both winners tested once." };
        var root = new RootCommand("Tune a multilayer perceptron on the 8x8 digits with Dials: TPE with Hyperband pruning over epochs, one final test on a sealed split.")
        {
            trials, seed, storage, epochScale, rangeTest, scaling, pbt, comparePbt,
        };

        var parsed = root.Parse(args);
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            return await parsed.InvokeAsync();
        }

        if (parsed.Errors.Count > 0)
        {
            return Fail(errors, string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)));
        }

        if (parsed.GetValue(trials) < 1 || !(parsed.GetValue(epochScale) is > 0 and <= 1))
        {
            return Fail(errors, "--trials must be at least 1 and --epoch-scale in (0, 1].");
        }

        var modes = new[] { parsed.GetValue(rangeTest), parsed.GetValue(scaling), parsed.GetValue(pbt), parsed.GetValue(comparePbt) is not null }.Count(m => m);
        if (modes > 1)
        {
            return Fail(errors, "--range-test, --scaling, --pbt and --compare-pbt are separate runs: give one.");
        }

        if (parsed.GetValue(comparePbt) is < 1)
        {
            return Fail(errors, "--compare-pbt needs at least 1 seed.");
        }

        var settings = new NetworkSettings(parsed.GetValue(trials), parsed.GetValue(seed),
            parsed.GetValue(storage) ?? Path.Combine("runs", "digits.jsonl"), parsed.GetValue(epochScale));
        if (parsed.GetValue(rangeTest))
        {
            return await RangeTestJob.RunAsync(settings, console);
        }

        if (parsed.GetValue(pbt))
        {
            return await PbtJob.RunAsync(settings, console);
        }

        if (parsed.GetValue(comparePbt) is { } seeds)
        {
            return await PbtJob.CompareAsync(settings, seeds, console);
        }

        return parsed.GetValue(scaling)
            ? await ScalingJob.RunAsync(settings, console)
            : await TuneJob.RunAsync(settings, console, errors);
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine("error: " + message);
        return UsageError;
    }
}
