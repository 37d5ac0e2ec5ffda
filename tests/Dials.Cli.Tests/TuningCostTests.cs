using System.Text.Json;
using Dials.Reporting.Export;
using Dials.Testing;

namespace Dials.Cli.Tests;

/// <summary>What a search cost, added up from the trials: in the model card (Markdown and JSON, with an optional price
/// per CPU-hour) and in <c>dials studies</c>.</summary>
public sealed class TuningCostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StudySnapshot Study() => new("cost", Direction.Minimize, TestSpaces.Toy(),
    [
        new TrialRecord(0, TrialState.Complete, [0, 1, 0], 2.0, [], T0, TimeSpan.FromMinutes(2), CpuTime: TimeSpan.FromMinutes(3)),
        new TrialRecord(1, TrialState.Pruned, [1, 2, 1], null, [], T0, TimeSpan.FromMinutes(1), CpuTime: TimeSpan.FromMinutes(1.5)),
        new TrialRecord(2, TrialState.Failed, [2, 3, 0], null, [], T0, TimeSpan.FromMinutes(1), "stale"),
        new TrialRecord(3, TrialState.Running, [3, 4, 1], null, [], T0, null),
        new TrialRecord(4, TrialState.Complete, [1, 3, 1], 1.5, [], T0, TimeSpan.FromMinutes(1), CpuTime: TimeSpan.FromMinutes(0.5)),
    ]);

    [Fact]
    public void The_cost_adds_up_finished_trials_and_says_how_many_were_measured()
    {
        var cost = TuningCost.Of(Study().Trials);

        Assert.Equal(new TuningCost(4, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), 3), cost);
        Assert.Equal("4 finished trials ran 5 trial-minutes and used 5 CPU-minutes (3 of them measured); at 0.6 per CPU-hour, 0.05",
            cost.Describe(pricePerCpuHour: 0.6));
    }

    [Fact]
    public void The_gain_is_measured_against_the_trial_that_ran_the_declared_defaults()
    {
        // Trial 0 ran the space's defaults (X 0, N 1, Kind a) and scored 2; the best, trial 4, scored 1.5.
        Assert.Equal(new DefaultsGain(0, 2.0, 4, 1.5, 0.5), TuningCost.GainOverDefaults(Study()));
        Assert.Null(TuningCost.GainOverDefaults(Study() with { Trials = [.. Study().Trials.Skip(1)] }));
    }

    [Fact]
    public void The_model_card_gives_the_cost_and_its_price_in_Markdown_and_JSON()
    {
        var card = ModelCard.From(Study(), null, null, T0) with { PricePerCpuHour = 0.6 };

        Assert.Contains("- Cost: 4 finished trials ran 5 trial-minutes and used 5 CPU-minutes (3 of them measured); at 0.6 per CPU-hour, 0.05, " +
            "for a gain of 0.5 over the defaults (trial 0: 2; best, trial 4: 1.5)\n", ModelCardMarkdown.Write(card), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card, TestSpaces.Toy()));
        var cost = json.RootElement.GetProperty("cost");
        Assert.Equal(300, cost.GetProperty("cpuSeconds").GetDouble(), 9);
        Assert.Equal(300, cost.GetProperty("trialSeconds").GetDouble(), 9);
        Assert.Equal(3, cost.GetProperty("cpuMeasuredTrials").GetInt32());
        Assert.Equal(0.05, cost.GetProperty("price").GetDouble(), 9);
        Assert.Equal(0.5, cost.GetProperty("gainOverDefaults").GetProperty("gain").GetDouble(), 12);
    }

    [Fact]
    public void Dials_studies_shows_the_cpu_minutes_of_each_study()
    {
        var storage = new Storage.InMemoryStorage();
        var study = Dials.Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "spent", Storage = storage });
        var trial = study.Ask();
        study.Tell(trial, 1.0);
        var (code, output, _) = ParetoCommandTests.Run(o => Commands.StudiesCommand.Run(storage, o));

        Assert.Equal(0, code);
        Assert.Contains("CPU min", output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ -", output.Split('\n').Single(l => l.Contains("spent", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
