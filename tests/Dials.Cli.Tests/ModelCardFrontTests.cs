using System.Globalization;
using System.Text.Json;
using Dials.Reporting.Export;

namespace Dials.Cli.Tests;

/// <summary>The model card of a study of several objectives: the Pareto front as a table capped at
/// <see cref="ParetoSummary.MostRows"/> rows with the count, and the chosen point with why, in Markdown and JSON.</summary>
public sealed class ModelCardFrontTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Markdown_gives_the_front_and_the_chosen_point_instead_of_a_best_configuration()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);
        var (front, infeasible) = ParetoCommandTests.Expected(study);
        var chosen = front.MinBy(t => t.ObjectiveValues[0])!;
        var card = ModelCard.From(study, null, null, At) with { Chosen = new ChosenPoint(chosen.Number, "lowest loss | with size >= 2") };

        var md = ModelCardMarkdown.Write(card);

        Assert.Contains("- Objectives: minimize, maximize\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Best configuration", md, StringComparison.Ordinal);
        Assert.Contains($"## Pareto front ({front.Count} trials)\n\n{front.Count} of {28 - infeasible.Count} feasible complete trials are on the front; {infeasible.Count} infeasible trials (a constraint above 0) are never on it.\n", md, StringComparison.Ordinal);
        Assert.Contains("| Trial | objective 1 (minimize) | objective 2 (maximize) | memory (<= 0) | Parameters |", md, StringComparison.Ordinal);
        var rows = FrontRows(md);
        Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Select(t => t.Number), rows);
        Assert.Contains($"## Chosen configuration (trial {chosen.Number})\n\nWhy: lowest loss | with size >= 2\n\nValues: objective 1 (minimize) {G6(chosen.ObjectiveValues[0])}, objective 2 (maximize) {G6(chosen.ObjectiveValues[1])}\n\nConstraints: memory -1\n", md, StringComparison.Ordinal);
        Assert.Matches(@"\| Parameter \| Value \|\n\|---\|---\|\n\| LearningRate \| ", md[md.IndexOf("## Chosen", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Named_objectives_are_shown_by_their_stored_names_in_Markdown_and_JSON()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _) with { ObjectiveNames = ["loss", "size | kB"] };
        var (front, _) = ParetoCommandTests.Expected(study);
        var chosen = front.MinBy(t => t.ObjectiveValues[0])!;
        var card = ModelCard.From(study, null, null, At) with { Chosen = new ChosenPoint(chosen.Number, "lowest loss") };

        var md = ModelCardMarkdown.Write(card);

        Assert.Contains("- Objectives: loss (minimize), size | kB (maximize)\n", md, StringComparison.Ordinal);
        Assert.Contains("| Trial | loss (minimize) | size \\| kB (maximize) | memory (<= 0) | Parameters |", md, StringComparison.Ordinal);
        Assert.Contains($"Values: loss (minimize) {G6(chosen.ObjectiveValues[0])}, size | kB (maximize) {G6(chosen.ObjectiveValues[1])}\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("objective 1", md, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card));
        Assert.Equal(["loss", "size | kB"], json.RootElement.GetProperty("objectiveNames").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Json_gives_the_front_and_the_chosen_point_with_its_configuration()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);
        var (front, infeasible) = ParetoCommandTests.Expected(study);
        var chosen = front.MaxBy(t => t.ObjectiveValues[1])!;
        var card = ModelCard.From(study, null, null, At) with { Chosen = new ChosenPoint(chosen.Number, "highest size") };

        using var json = JsonDocument.Parse(ModelCardJson.Write(card, study.Space));
        var root = json.RootElement;

        Assert.Equal(["Minimize", "Maximize"], root.GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("best").ValueKind);
        var frontJson = root.GetProperty("front");
        Assert.Equal(front.Count, frontJson.GetProperty("count").GetInt32());
        Assert.Equal(front.Count, frontJson.GetProperty("shown").GetInt32());
        Assert.Equal(infeasible.Count, frontJson.GetProperty("infeasible").GetInt32());
        var trials = frontJson.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Select(t => t.Number), trials.Select(t => t.GetProperty("trial").GetInt32()));
        Assert.All(trials, t => Assert.Equal(-1, t.GetProperty("constraints").GetProperty("memory").GetDouble()));
        var chosenJson = root.GetProperty("chosen");
        Assert.Equal(chosen.Number, chosenJson.GetProperty("trial").GetInt32());
        Assert.Equal("highest size", chosenJson.GetProperty("why").GetString());
        Assert.True(chosenJson.GetProperty("onFront").GetBoolean());
        Assert.Equal(chosen.ObjectiveValues, chosenJson.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        var decoded = TrainingSettings.SearchSpace.Decode([.. chosen.Point]);
        Assert.Equal(decoded.BatchSize, chosenJson.GetProperty("configuration").GetProperty("Hyperparameters").GetProperty("BatchSize").GetInt32());
        Assert.Equal(decoded.LearningRate, chosenJson.GetProperty("parameters").GetProperty("LearningRate").GetDouble());
    }

    [Fact]
    public void A_long_front_is_cut_to_the_most_rows_spread_along_the_first_objective_with_the_count()
    {
        // 30 trials on a line of slope -1 with both objectives minimised: none dominates another.
        var space = TrainingSettings.SearchSpace;
        var point = space.DefaultPoint;
        var study = new StudySnapshot("long", Direction.Minimize, space,
            [.. Enumerable.Range(0, 30).Select(n => new TrialRecord(n, TrialState.Complete, point, null, [], At, TimeSpan.FromSeconds(1), Values: [29 - n, n]))])
        {
            Directions = [Direction.Minimize, Direction.Minimize],
        };
        var card = ModelCard.From(study, null, null, At) with { Chosen = new ChosenPoint(12, "the middle") };

        var md = ModelCardMarkdown.Write(card);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card));

        Assert.Equal(30, card.Front!.Trials.Count);
        Assert.Contains($"Shown: {ParetoSummary.MostRows} of the 30, evenly spread along objective 1 with both ends.", md, StringComparison.Ordinal);
        var rows = FrontRows(md);
        Assert.Equal(ParetoSummary.MostRows, rows.Count);
        Assert.Equal(29, rows[0]);  // objective 1 is 0 there: the best first
        Assert.Equal(0, rows[^1]);
        Assert.Equal(rows.Distinct(), rows);
        Assert.Equal(30, json.RootElement.GetProperty("front").GetProperty("count").GetInt32());
        Assert.Equal(ParetoSummary.MostRows, json.RootElement.GetProperty("front").GetProperty("trials").GetArrayLength());
        // The chosen point is given in full even when the table left it out.
        Assert.Contains("## Chosen configuration (trial 12)\n\nWhy: the middle\n\nValues: objective 1 (minimize) 17, objective 2 (minimize) 12\n", md, StringComparison.Ordinal);
        Assert.Equal(12, json.RootElement.GetProperty("chosen").GetProperty("trial").GetInt32());
    }

    [Fact]
    public void A_chosen_trial_off_the_front_is_named_as_such()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);
        var (_, infeasible) = ParetoCommandTests.Expected(study);
        var card = ModelCard.From(study, null, null, At) with { Chosen = new ChosenPoint(infeasible[0].Number, "by hand") };

        Assert.Contains($"Trial {infeasible[0].Number} is not on the Pareto front.", ModelCardMarkdown.Write(card), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card));
        Assert.False(json.RootElement.GetProperty("chosen").GetProperty("onFront").GetBoolean());
    }

    [Fact]
    public void Built_on_a_study_of_several_objectives_the_card_says_why_the_analyses_of_one_value_were_left_out()
    {
        var study = ParetoCommandTests.MultiObjectiveStudy(out _);

        var card = ModelCard.Build(study, null, null, At);

        Assert.Equal(2, card.Notes.Count);
        Assert.All(card.Notes, note => Assert.Contains($"Study '{ParetoCommandTests.Name}' has 2 objectives and this analysis reads one value per trial", note, StringComparison.Ordinal));
        Assert.NotNull(card.Front);
    }

    [Fact]
    public void A_single_objective_card_has_no_front()
    {
        var study = new StudySnapshot("one", Direction.Minimize, TrainingSettings.SearchSpace,
            [new TrialRecord(0, TrialState.Complete, TrainingSettings.SearchSpace.DefaultPoint, 0.5, [], At, TimeSpan.FromSeconds(1))]);
        var card = ModelCard.From(study, null, null, At);

        Assert.Null(card.Front);
        Assert.DoesNotContain("Pareto", ModelCardMarkdown.Write(card), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card));
        Assert.False(json.RootElement.TryGetProperty("front", out _));
        Assert.False(json.RootElement.TryGetProperty("directions", out _));
    }

    private static List<int> FrontRows(string md)
    {
        var table = md[md.IndexOf("| Trial | objective 1", StringComparison.Ordinal)..];
        return [.. table.Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => int.Parse(l.Split('|')[1].Trim(), CultureInfo.InvariantCulture))];
    }

    private static string G6(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
