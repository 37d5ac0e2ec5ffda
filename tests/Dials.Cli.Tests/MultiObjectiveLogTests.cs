using System.Globalization;
using System.Text.Json;
using Dials.Reporting.Export;

namespace Dials.Cli.Tests;

/// <summary>The tuning log of a study of several objectives keeps every value and constraint: in JSON as
/// <c>values</c> and <c>constraints</c>, in CSV as columns after the fixed ones.</summary>
public sealed class MultiObjectiveLogTests
{
    [Fact]
    public void Json_gives_every_direction_and_each_trials_values_and_constraints()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);

        using var json = JsonDocument.Parse(TuningLogJson.Write(study));

        Assert.Equal(["Minimize", "Maximize"], json.RootElement.GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
        var trials = json.RootElement.GetProperty("trials").EnumerateArray().ToList();
        foreach (var trial in study.Trials.Where(t => t.State == TrialState.Complete))
        {
            var written = trials[trial.Number];
            Assert.Equal(trial.ObjectiveValues, written.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(trial.Constraints![0].Value, written.GetProperty("constraints").GetProperty("memory").GetDouble());
        }

        Assert.False(trials[4].TryGetProperty("values", out _)); // failed: no values
    }

    [Fact]
    public void Csv_adds_one_column_per_objective_and_per_constraint_after_the_fixed_ones()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);

        var rows = Csv.Parse(TuningLogCsv.Write(study));

        var header = rows[0];
        Assert.Equal(["value_1", "value_2", "constraint_memory"], header.TakeLast(3));
        Assert.Equal(TuningLogCsv.LeadingColumns, header.Take(TuningLogCsv.LeadingColumns.Count));
        var complete = study.Trials.First(t => t.State == TrialState.Complete);
        var row = rows[1 + complete.Number];
        Assert.Equal(complete.ObjectiveValues.Select(v => v.ToString("R", CultureInfo.InvariantCulture)), row.TakeLast(3).Take(2));
        Assert.Equal(complete.Constraints![0].Value.ToString("R", CultureInfo.InvariantCulture), row[^1]);
        Assert.Equal(["", "", ""], rows[1 + 4].TakeLast(3)); // the failed trial
    }

    [Fact]
    public void A_single_objective_study_without_constraints_keeps_its_columns()
    {
        var study = new StudySnapshot("one", Direction.Minimize, TrainingSettings.SearchSpace,
            [new TrialRecord(0, TrialState.Complete, TrainingSettings.SearchSpace.DefaultPoint, 0.5, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1))]);

        var header = Csv.Parse(TuningLogCsv.Write(study))[0];
        using var json = JsonDocument.Parse(TuningLogJson.Write(study));

        Assert.Equal([.. TuningLogCsv.LeadingColumns, .. study.Space.Dimensions.Select(d => d.Name), .. TuningLogCsv.TrailingColumns], header);
        Assert.False(json.RootElement.TryGetProperty("directions", out _));
        Assert.False(json.RootElement.GetProperty("trials")[0].TryGetProperty("values", out _));
    }
}
