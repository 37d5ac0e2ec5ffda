using System.Text.Json;
using Dials.Simulation;
using Spectre.Console;

namespace Dials.Samplers.Tests;

public sealed class SimulationCostTests
{
    [Fact]
    public void Every_study_records_its_wall_clock_seconds()
    {
        var result = SimulationRunner.Run(TestFunctions.Get("mixed-ic"), ["random", "tpe"], trials: 15, seeds: 3);

        Assert.All(result.Samplers, curves =>
        {
            Assert.Equal(3, curves.StudySeconds.Length);
            Assert.All(curves.StudySeconds, s => Assert.True(s > 0));
            Assert.Equal(SamplerCurves.Quantile(curves.StudySeconds, 0.5), curves.MedianStudySeconds);
            Assert.NotNull(curves.StudyCpuSeconds);
            Assert.All(curves.StudyCpuSeconds, s => Assert.True(s >= 0));
        });
    }

    [Fact]
    public void CPU_seconds_are_left_out_when_studies_run_at_once()
    {
        var result = SimulationRunner.Run(TestFunctions.Branin(), ["random"], trials: 5, seeds: 2, parallelism: 2);

        Assert.Null(result.Samplers[0].StudyCpuSeconds);
        Assert.Null(result.Samplers[0].MedianStudyCpuSeconds);
        Assert.DoesNotContain("cpu", CurvesJson.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_and_the_JSON_give_the_median_seconds_per_study()
    {
        var result = new SimulationResult("f", 0, 1, 3, [new SamplerCurves("random", [[1.0], [2.0], [3.0]], [0.5, 0.25, 4], [0.125, 0.375, 1])]);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });

        console.Write(SimulationTable.Render(result));
        using var json = JsonDocument.Parse(CurvesJson.Write(result));

        Assert.Contains("s/study", text.ToString());
        Assert.Contains("CPU s/study", text.ToString());
        Assert.Contains("0.5", text.ToString());
        Assert.Contains("0.375", text.ToString());
        var random = json.RootElement.GetProperty("samplers").GetProperty("random");
        Assert.Equal(0.5, random.GetProperty("median_study_seconds").GetDouble());
        Assert.Equal([0.5, 0.25, 4], random.GetProperty("study_seconds").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(0.375, random.GetProperty("median_study_cpu_seconds").GetDouble());
    }
}
