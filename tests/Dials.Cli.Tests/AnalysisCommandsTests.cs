using System.Text.Json;

namespace Dials.Cli.Tests;

/// <summary>importance, report and the model card, end to end. These rest on ParameterImportance, Sensitivity,
/// Uncertainty and HtmlReport, whose bodies come from other work of issue 8.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class AnalysisCommandsTests(StoredStudies stored)
{
    [Fact]
    public void Importance_ranks_the_learning_rate_first()
    {
        var run = CliProcess.Run("importance", "--storage", stored.JournalSpec, "--study", "ranker", "--seed", "3");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Method: ", run.Out);
        Assert.Contains("from 37 complete trials", run.Out);
        var rows = run.Out.Split('\n').Where(l => l.Contains('%')).ToList();
        Assert.Contains("LearningRate", rows[0]);
        Assert.Contains(rows, r => r.Contains("Schedule.WarmupSteps"));
    }

    [Fact]
    public void Importance_as_json_gives_shares_summing_to_one_most_important_first()
    {
        var run = CliProcess.Run("importance", "--storage", stored.JournalSpec, "--study", "ranker", "--seed", "3", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("ranker", root.GetProperty("study").GetString());
        Assert.Equal(37, root.GetProperty("trialsUsed").GetInt32());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
        var shares = root.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("importance").GetDouble()).ToList();
        Assert.Equal(1.0, shares.Sum(), 6);
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.Equal("LearningRate", root.GetProperty("dimensions")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Importance_with_fast_method_names_it()
    {
        var run = CliProcess.Run("importance", "--storage", stored.SqliteSpec, "--study", "ranker", "--method", "fast");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Method: Fast", run.Out);
    }

    [Fact]
    public void Importance_of_a_study_without_complete_trials_says_so()
    {
        var run = CliProcess.Run("importance", "--storage", stored.JournalSpec, "--study", "doomed");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no complete trial yet", run.Error);
    }

    [Fact]
    public void Report_writes_a_self_contained_page_and_prints_its_path()
    {
        var path = Path.Combine(stored.Directory.FullName, "reports", "ranker.html");

        var run = CliProcess.Run("report", "--storage", stored.JournalSpec, "--study", "ranker", "--out", path, "--seed", "1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(path, run.Out.Trim());
        var html = File.ReadAllText(path);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ranker", html);
        Assert.Contains("LearningRate", html);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Report_of_a_study_too_small_for_the_analyses_still_writes_with_notes()
    {
        var path = Path.Combine(stored.Directory.FullName, "reports", "doomed.html");

        var run = CliProcess.Run("report", "--storage", stored.JournalSpec, "--study", "doomed", "--out", path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(path));
        Assert.Contains("note: importance left out of the report", run.Error);
        Assert.Contains("note: uncertainty left out of the report", run.Error);
    }

    [Fact]
    public void The_model_card_as_markdown_names_the_best_trial_and_the_importances()
    {
        var study = stored.Load("ranker");

        var run = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "ranker", "--what", "card", "--format", "md");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("# Model card: ranker", run.Out);
        Assert.Contains($"## Best configuration (trial {study.Best!.Number})", run.Out);
        Assert.Contains("- Trials: 40 (37 complete, 2 pruned, 1 failed, 0 running)", run.Out);
        Assert.Contains("## Importance", run.Out);
        Assert.Contains("## Top configurations", run.Out);
        Assert.Contains("| Schedule.Decay |", run.Out);
    }

    [Fact]
    public void The_model_card_as_json_parses_and_carries_a_bindable_configuration()
    {
        var study = stored.Load("ranker");

        var run = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "ranker", "--what", "card", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var best = json.RootElement.GetProperty("best");
        Assert.Equal(study.Best!.Number, best.GetProperty("trial").GetInt32());
        Assert.Equal(study.Best.Value!.Value, best.GetProperty("value").GetDouble());
        Assert.Equal(study.Best.Point[0], best.GetProperty("configuration").GetProperty("Hyperparameters").GetProperty("LearningRate").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, json.RootElement.GetProperty("importance").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, json.RootElement.GetProperty("uncertainty").ValueKind);
    }
}
