using System.Text.Json;

namespace Dials.Cli.Tests;

/// <summary>A damaged journal, end to end: <c>dials</c> shows what survives, says on stderr what was lost (line, trial,
/// why), never offers a trial whose configuration is unknown as the best, and refuses a study whose record is lost.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class DamagedJournalTests(StoredStudies stored)
{
    [Fact]
    public void Trials_shows_every_trial_and_reports_the_damaged_line()
    {
        var journal = Copy("trials");
        var lines = File.ReadAllLines(journal);
        var creation = Array.FindIndex(lines, l => Is(l, "trial", "ranker", 5));
        lines[creation] = "{\"op\":\"trial\",\"stu\u0000\u0000";
        File.WriteAllLines(journal, lines);

        var run = CliProcess.Run("trials", "--storage", "journal:" + journal, "--study", "ranker", "--state", "complete");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"line {creation + 1}", run.Error);
        Assert.Contains("unreadable record", run.Error);
        Assert.Contains("trial 5: the line that created this trial is missing or unreadable", run.Error);
        var complete = stored.Load("ranker").Complete.Count;
        Assert.Equal(complete, run.Out.Split('\n').Count(l => l.Contains("│ Complete", StringComparison.Ordinal)));
    }

    [Fact]
    public void Best_never_offers_a_trial_whose_configuration_was_lost_and_says_so()
    {
        var journal = Copy("best");
        var ranker = stored.Load("ranker");
        var best = ranker.Best!;
        var second = ranker.Complete.Where(t => t.Number != best.Number).MinBy(t => t.Value)!;
        File.WriteAllLines(journal, File.ReadAllLines(journal).Where(l => !Is(l, "point", "ranker", best.Number)));

        var run = CliProcess.Run("best", "--storage", "journal:" + journal, "--study", "ranker");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: trial {best.Number} completed", run.Error);
        Assert.Contains("cannot be the best", run.Error);
        Assert.Contains($"trial {second.Number}, value", run.Error);
    }

    [Fact]
    public void A_study_whose_record_is_unreadable_is_an_error_naming_file_and_line()
    {
        var journal = Copy("record");
        var lines = File.ReadAllLines(journal);
        var record = Array.FindIndex(lines, l => Is(l, "study", "tiny", null));
        lines[record] = lines[record][..20];
        File.WriteAllLines(journal, lines);
        var before = File.ReadAllText(journal);

        var run = CliProcess.Run("trials", "--storage", "journal:" + journal, "--study", "tiny");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(journal, run.Error);
        Assert.Contains($"line {record + 1}", run.Error);
        Assert.Equal(before, File.ReadAllText(journal));
    }

    private string Copy(string name)
    {
        var path = Path.Combine(stored.Directory.FullName, $"damaged-{name}.jsonl");
        File.Copy(stored.Journal, path, overwrite: true);
        return path;
    }

    private static bool Is(string line, string op, string study, int? trial)
    {
        var root = JsonDocument.Parse(line).RootElement;
        return root.GetProperty("op").GetString() == op && root.GetProperty("study").GetString() == study
            && (trial is null || (root.TryGetProperty("n", out var n) && n.GetInt32() == trial));
    }
}
