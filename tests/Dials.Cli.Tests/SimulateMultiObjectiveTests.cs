using System.Text.Json;

namespace Dials.Cli.Tests;

/// <summary><c>dials simulate</c> on the multi-objective problems, end to end through the tool.</summary>
public sealed class SimulateMultiObjectiveTests
{
    [Fact]
    public void Simulate_runs_multi_objective_problems_and_writes_their_hypervolume_table_curves_and_charts()
    {
        var output = Path.Combine(Path.GetTempPath(), "dials-cli-simulate-mo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliProcess.Run("simulate", "--function", "zdt1,dtlz2,binh-korn", "--samplers", "random,qmc", "--trials", "12",
                "--seeds", "2", "--parallelism", "1", "--out", output);

            Assert.Equal(0, run.ExitCode);
            // A table's title and caption wrap to the table's width.
            var text = System.Text.RegularExpressions.Regex.Replace(run.Out, @"\s+", " ");
            Assert.Contains("zdt1: median hypervolume over 2 seeds (fraction of the optimal 120.6666667)", text, StringComparison.Ordinal);
            Assert.Contains("feasible complete trials at reference (11, 11)", text, StringComparison.Ordinal);
            Assert.Contains("feasible complete trials at reference (1.5, 1.5, 1.5)", text, StringComparison.Ordinal);
            Assert.Contains("binh-korn: median hypervolume", text, StringComparison.Ordinal);
            foreach (var name in (string[])["zdt1", "dtlz2", "binh-korn"])
            {
                using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name + ".json")));
                Assert.Equal("hypervolume", json.RootElement.GetProperty("measure").GetString());
                Assert.Equal([10, 12], json.RootElement.GetProperty("checkpoints").EnumerateArray().Select(e => e.GetInt32()));
                var random = json.RootElement.GetProperty("samplers").GetProperty("random");
                Assert.Equal(2, random.GetProperty("per_seed").GetArrayLength());
                Assert.Equal(2, random.GetProperty("checkpoint_median_fraction").GetArrayLength());
                Assert.Contains("hypervolume gap", File.ReadAllText(Path.Combine(output, name + ".svg")), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void A_sampler_that_cannot_serve_several_objectives_is_a_usage_error_naming_it()
    {
        var run = CliProcess.Run("simulate", "--function", "zdt2", "--samplers", "random,cmaes", "--trials", "5", "--seeds", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("error: Sampler 'cmaes' cannot run zdt2, a problem of 2 objectives", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_multi_objective_problems()
    {
        var run = CliProcess.Run("simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in (string[])["zdt1", "zdt2", "zdt3", "dtlz1", "dtlz2", "binh-korn"])
        {
            Assert.Contains(name, run.Out, StringComparison.Ordinal);
        }
    }
}
