using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dials.Cli.Tests;

/// <summary>studies, trials and best, end to end: the real process over studies stored in a journal and in SQLite.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class StudyCommandsTests(StoredStudies stored)
{
    [Fact]
    public void Studies_lists_every_study_with_counts_and_best()
    {
        var run = CliProcess.Run("studies", "--storage", stored.JournalSpec);

        Assert.Equal(0, run.ExitCode);
        var best = stored.Load("ranker").Best!.Value!.Value;
        var ranker = Line(run.Out, "ranker");
        Assert.Matches(@"ranker\s*│\s*Minimize\s*│\s*40\s*│\s*37\s*│\s*2\s*│\s*1\s*│\s*0\s*│", ranker);
        Assert.Contains(best.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), ranker);
        Assert.Matches(@"tiny\s*│\s*Maximize\s*│\s*3\s*│\s*3\s*│", Line(run.Out, "tiny"));
        Assert.Matches(@"doomed\s*│\s*Minimize\s*│\s*2\s*│\s*0\s*│\s*0\s*│\s*2\s*│\s*0\s*│\s*│", Line(run.Out, "doomed"));
    }

    [Fact]
    public void Studies_reads_sqlite_too()
    {
        var run = CliProcess.Run("studies", "--storage", stored.SqliteSpec);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"ranker\s*│\s*Minimize\s*│\s*40\s*│\s*37\s*│", Line(run.Out, "ranker"));
        Assert.DoesNotContain("tiny", run.Out);
    }

    [Fact]
    public void Trials_filters_by_state_and_shows_the_fail_reason()
    {
        var run = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "ranker", "--state", "failed");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("diverged, loss=\"NaN\"", run.Out);
        Assert.Matches(@"│\s*8\s*│\s*Failed\s*│", run.Out);
        Assert.DoesNotContain("Complete", run.Out);
    }

    [Fact]
    public void Trials_shows_the_strategy_that_proposed_each_trial_as_plain_text()
    {
        var run = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "tiny");

        Assert.Equal(0, run.ExitCode);
        var header = Line(run.Out, "Strategy");
        Assert.Matches(@"│\s*Duration\s*│\s*Strategy\s*│\s*Parameters\s*│", header);
        Assert.Matches(@"│\s*0\s*│\s*Complete\s*│[^│]*│[^│]*│\s*queued\s*│", run.Out);
        Assert.Matches(@"│\s*2\s*│\s*Complete\s*│[^│]*│[^│]*│\s*random\s*│", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out); // redirected: no colour or style codes
    }

    [Fact]
    public void Trials_read_the_strategy_from_sqlite_too()
    {
        var run = CliProcess.Run("trials", "--storage", stored.SqliteSpec, "--study", "ranker", "--limit", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"│\s*1\s*│\s*Complete\s*│[^│]*│[^│]*│\s*random\s*│", run.Out);
    }

    [Fact]
    public void Trials_sorted_by_value_start_with_the_best_and_respect_the_limit()
    {
        var study = stored.Load("ranker");
        var ranked = study.Complete.OrderBy(t => t.Value).Take(3).ToList();

        var run = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "ranker", "--sort", "value", "--limit", "3");

        Assert.Equal(0, run.ExitCode);
        var numbers = run.Out.Split('\n').Where(l => l.Contains("Complete")).Select(l => int.Parse(l.Split('│')[1].Trim())).ToList();
        Assert.Equal(ranked.Select(t => t.Number), numbers);
        var best = study.Best!;
        var firstRow = run.Out.Split('\n').First(l => l.Contains("Complete"));
        Assert.Contains($"LearningRate={study.Space.Dimensions[0].Format(best.Point[0])}", firstRow);
        Assert.Contains($"Schedule.Decay={study.Space.Dimensions[^1].Format(best.Point[^1])}", firstRow);
    }

    [Fact]
    public void Trials_of_a_maximised_study_sort_the_largest_first()
    {
        var study = stored.Load("tiny");

        var run = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "tiny", "--sort", "value", "--limit", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"│\s*{study.Best!.Number}\s*│\s*Complete", run.Out);
        Assert.Single(run.Out.Split('\n'), l => l.Contains("Complete"));
    }

    [Fact]
    public void Best_prints_a_nested_appsettings_fragment_that_binds_back_to_the_best_configuration()
    {
        var study = stored.Load("ranker");
        var expected = TrainingSettings.SearchSpace.Decode(study.Best!.Point.ToArray());

        var run = CliProcess.Run("best", "--storage", stored.JournalSpec, "--study", "ranker", "--section", "Training");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var training = json.RootElement.GetProperty("Training");
        Assert.Equal(expected.LearningRate, training.GetProperty("LearningRate").GetDouble());
        Assert.Equal(JsonValueKind.Number, training.GetProperty("BatchSize").ValueKind);
        Assert.DoesNotContain(".", training.GetProperty("BatchSize").GetRawText());
        Assert.Equal(expected.Optimizer.ToString(), training.GetProperty("Optimizer").GetString());
        Assert.Equal(expected.Optimizer == Optimizer.Sgd, training.TryGetProperty("Momentum", out _));
        var schedule = training.GetProperty("Schedule");
        Assert.Equal(expected.Schedule.WarmupSteps, schedule.GetProperty("WarmupSteps").GetInt32());
        Assert.Equal(expected.Schedule.Cosine, schedule.GetProperty("Cosine").GetBoolean());
        Assert.Equal(expected.Schedule.Decay, schedule.GetProperty("Decay").GetString());
        Assert.Contains($"trial {study.Best.Number}", run.Error);
        Assert.Contains(", proposed by random", run.Error);

        var path = Path.Combine(stored.Directory.FullName, "appsettings.best.json");
        File.WriteAllText(path, run.Out);
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        using var services = new ServiceCollection().AddHyperparameters<TrainingSettings>(configuration.GetSection("Training")).Services.BuildServiceProvider();
        Assert.Equal(expected, services.GetRequiredService<IOptions<TrainingSettings>>().Value);
    }

    [Fact]
    public void Best_defaults_to_the_hyperparameters_section_and_takes_nested_ones()
    {
        var plain = CliProcess.Run("best", "--storage", stored.SqliteSpec, "--study", "ranker");
        var nested = CliProcess.Run("best", "--storage", stored.SqliteSpec, "--study", "ranker", "--section", "Models:Ranker");

        Assert.Equal(0, plain.ExitCode);
        using var a = JsonDocument.Parse(plain.Out);
        using var b = JsonDocument.Parse(nested.Out);
        Assert.True(JsonElement.DeepEquals(
            a.RootElement.GetProperty("Hyperparameters"),
            b.RootElement.GetProperty("Models").GetProperty("Ranker")), nested.Out);
    }

    [Fact]
    public void Best_of_a_study_without_complete_trials_says_so()
    {
        var run = CliProcess.Run("best", "--storage", stored.JournalSpec, "--study", "doomed");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("study 'doomed' has no complete trial yet (2 trials: 0 pruned, 2 failed, 0 running)", run.Error);
    }

    private static string Line(string text, string containing) =>
        text.Split('\n').Single(l => l.Contains(containing, StringComparison.Ordinal));
}
