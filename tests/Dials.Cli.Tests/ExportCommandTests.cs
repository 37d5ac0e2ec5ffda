using System.Globalization;
using System.Text.Json;
using Dials.Storage.Sqlite;

namespace Dials.Cli.Tests;

/// <summary>dials export of the tuning log, end to end over the journal and SQLite.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class ExportCommandTests(StoredStudies stored)
{
    [Fact]
    public void The_csv_log_has_a_row_per_trial_and_survives_a_hostile_fail_reason()
    {
        var study = stored.Load("ranker");

        var run = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "ranker", "--what", "log", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        var rows = Csv.Parse(run.Out);
        Assert.Equal(
            ["number", "state", "value", "start", "duration_seconds", "LearningRate", "BatchSize", "Optimizer", "Momentum",
             "Schedule.WarmupSteps", "Schedule.Cosine", "Schedule.Decay", "intermediate_count", "fail_reason", "strategy", "strategy_reason"],
            rows[0]);
        Assert.Equal(StoredStudies.RankerTrials + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        var failed = rows.Single(r => r[1] == "Failed");
        Assert.Equal("8", failed[0]);
        Assert.Equal(study.Trials[8].FailReason, failed[^3]);
        Assert.Contains(StoredStudies.HostileReason, failed[^3]);
        Assert.All(rows.Skip(1), r => Assert.Equal(["random", ""], r[^2..]));
        foreach (var trial in study.Complete)
        {
            var row = rows[trial.Number + 1];
            Assert.Equal(trial.Value, double.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(trial.Point[0], double.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal("2", row[^4]);
            Assert.Equal(TrainingSettings.SearchSpace.Decode(trial.Point.ToArray()).Schedule.Decay, row[^5]);
        }

        Assert.Contains(rows.Skip(1), r => r[11] == "step, then \"flat\"");
        Assert.Contains(rows.Skip(1), r => r[8] == ""); // Momentum is inactive unless the optimizer is Sgd.
    }

    [Fact]
    public void The_json_log_written_to_a_file_reads_back_with_every_trial()
    {
        var study = StudySnapshot.Load(SqliteStorageFor(stored.Sqlite), "ranker");
        var path = Path.Combine(stored.Directory.FullName, "out", "log.json");

        var run = CliProcess.Run("export", "--storage", stored.SqliteSpec, "--study", "ranker", "--what", "log", "--format", "json", "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains(path, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var trials = json.RootElement.GetProperty("trials");
        Assert.Equal(StoredStudies.RankerTrials, trials.GetArrayLength());
        foreach (var trial in study.Complete)
        {
            var element = trials[trial.Number];
            Assert.Equal(trial.Value, element.GetProperty("value").GetDouble());
            Assert.Equal(trial.Point[0], element.GetProperty("parameters").GetProperty("LearningRate").GetDouble());
            Assert.Equal((long)trial.Point[1], element.GetProperty("parameters").GetProperty("BatchSize").GetInt64());
            Assert.Equal(trial.Intermediate.Select(i => i.Value), element.GetProperty("intermediate").EnumerateArray().Select(i => i.GetProperty("value").GetDouble()));
        }

        Assert.Equal(study.Trials[8].FailReason, trials[8].GetProperty("failReason").GetString());
        Assert.Contains(StoredStudies.HostileReason, study.Trials[8].FailReason);
        Assert.Equal("Pruned", trials[5].GetProperty("state").GetString());
        Assert.All(trials.EnumerateArray(), t => Assert.Equal("random", t.GetProperty("strategy").GetString()));
    }

    [Fact]
    public void The_logs_say_which_trial_was_queued_and_why()
    {
        var csv = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "tiny", "--what", "log", "--format", "csv");
        var json = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "tiny", "--what", "log", "--format", "json");

        Assert.Equal((0, 0), (csv.ExitCode, json.ExitCode));
        var rows = Csv.Parse(csv.Out);
        Assert.Equal(["strategy", "strategy_reason"], rows[0][^2..]);
        Assert.Equal([["queued", StoredStudies.QueuedReason], ["random", ""], ["random", ""]], rows.Skip(1).Select(r => r[^2..]));
        using var log = JsonDocument.Parse(json.Out);
        var first = log.RootElement.GetProperty("trials")[0];
        Assert.Equal(("queued", StoredStudies.QueuedReason), (first.GetProperty("strategy").GetString(), first.GetProperty("strategyReason").GetString()));
    }

    [Fact]
    public void The_model_card_says_which_strategy_proposed_the_best_trial()
    {
        var study = stored.Load("tiny");
        var best = study.Best!;

        var md = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "tiny", "--what", "card", "--format", "md");
        var json = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "tiny", "--what", "card", "--format", "json");

        Assert.Equal((0, 0), (md.ExitCode, json.ExitCode));
        Assert.Contains("- Trials by strategy: queued 1, random 2\n", md.Out);
        Assert.Contains($"## Best configuration (trial {best.Number})", md.Out);
        Assert.Contains(best.Strategy == "queued" ? "Proposed by: queued (the defaults, \"as shipped\" in 1.0)\n" : "Proposed by: random\n", md.Out);
        using var card = JsonDocument.Parse(json.Out);
        Assert.Equal(best.Strategy, card.RootElement.GetProperty("best").GetProperty("strategy").GetString());
        Assert.Equal([1, 2], card.RootElement.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("trials").GetInt32()));
    }

    private static IStudyStorage SqliteStorageFor(string path) => new SqliteStorage(path);
}
