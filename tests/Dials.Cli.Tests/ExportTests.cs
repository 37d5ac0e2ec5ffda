using System.Globalization;
using System.Text.Json;
using Dials.Reporting.Export;

namespace Dials.Cli.Tests;

/// <summary>The export writers in process, on hand-made trials with text chosen to break naive writers.</summary>
public sealed class ExportTests
{
    private static readonly string[] HostileChoices = ["a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", "plain", "pipe | cell"];

    private static readonly SearchSpace Space = new SearchSpace<object>(
        [
            Dimension.Categorical("Text", [.. HostileChoices]),
            Dimension.Float("Training.LearningRate", 1e-5, 1, log: true),
            Dimension.Int("Training.Schedule.WarmupSteps", 0, 1000, step: 100),
            Dimension.Categorical("Training.Schedule.Cosine", [true, false]),
            Dimension.Float("Momentum", 0, 1, condition: new DimensionCondition("Training.Schedule.Cosine", [1])),
        ],
        () => new object(), (_, _) => null, (_, defaults) => defaults);

    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Why TPE proposed trial 2: a comma, quotes, a pipe and a line break, to break naive writers.</summary>
    private const string HostileStrategyReason = "model of 2 trials, \"good\" | bad\nsplit";

    private static StudySnapshot Study() => new("hostile, \"study\"", Direction.Minimize, Space,
    [
        Trial(0, TrialState.Complete, [0, 0.01, 100, 0, double.NaN], 0.25) with { Strategy = "queued", StrategyReason = "the defaults" },
        Trial(1, TrialState.Complete, [1, 1e-5, 0, 1, 0.9], 1.0 / 3) with { Strategy = "random start-up" },
        Trial(2, TrialState.Failed, [2, 0.5, 1000, 0, double.NaN], null, "boom, \"quoted\"\r\nsecond line")
            with { Strategy = "TPE", StrategyReason = HostileStrategyReason },
        Trial(3, TrialState.Pruned, [3, 0.1, 200, 0, double.NaN], null) with { Intermediate = [new(1, 2.5), new(2, double.NaN)], Strategy = "TPE" },
        Trial(4, TrialState.Running, [], null) with { Duration = null },
        Trial(5, TrialState.Complete, [5, 0.2, 300, 0, double.NaN], 0.125) with { Strategy = "TPE", StrategyReason = "model of 4 trials" },
    ]);

    private static TrialRecord Trial(int number, TrialState state, double[] point, double? value, string? reason = null) =>
        new(number, state, point, value, [new IntermediateValue(1, 0.5)], Start.AddMinutes(number), TimeSpan.FromSeconds(1.5 * number), reason);

    [Fact]
    public void The_csv_log_quotes_hostile_text_so_it_parses_back_exactly()
    {
        var study = Study();

        var rows = Csv.Parse(TuningLogCsv.Write(study));

        Assert.Equal(
            ["number", "state", "value", "start", "duration_seconds", "Text", "Training.LearningRate", "Training.Schedule.WarmupSteps",
             "Training.Schedule.Cosine", "Momentum", "intermediate_count", "fail_reason", "strategy", "strategy_reason"],
            rows[0]);
        Assert.Equal(study.Trials.Count + 1, rows.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HostileChoices[i], rows[i + 1][5]);
        }

        Assert.Equal(["boom, \"quoted\"\r\nsecond line", "TPE", HostileStrategyReason], rows[3][^3..]);
        Assert.Equal(["queued", "the defaults"], rows[1][^2..]);
        Assert.Equal(["random start-up", ""], rows[2][^2..]);
        Assert.Equal(1.0 / 3, double.Parse(rows[2][2], CultureInfo.InvariantCulture));
        Assert.Equal("2025-03-01T12:01:00.0000000+00:00", rows[2][3]);
        Assert.Equal("1.5", rows[2][4]);
        Assert.Equal(["0.01", "100", "true", "", "1", "", "queued", "the defaults"], rows[1][6..]);
        Assert.Equal(["Running", "", ""], [rows[5][1], rows[5][2], rows[5][4]]);
        Assert.All(rows[5][5..^4], Assert.Empty);
        Assert.All(rows[5][^3..], Assert.Empty); // no fail reason, and no strategy before its point is sampled
    }

    [Fact]
    public void The_csv_log_uses_invariant_culture_whatever_the_current_one()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var rows = Csv.Parse(TuningLogCsv.Write(Study()));
            Assert.Equal("0.25", rows[1][2]);
            Assert.Equal("0.01", rows[1][6]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_json_log_round_trips_through_system_text_json()
    {
        var study = Study();

        using var json = JsonDocument.Parse(TuningLogJson.Write(study));

        var root = json.RootElement;
        Assert.Equal(study.Name, root.GetProperty("study").GetString());
        Assert.Equal("Minimize", root.GetProperty("direction").GetString());
        Assert.Equal(Space.Dimensions.Select(d => d.ToString()), root.GetProperty("searchSpace").EnumerateArray().Select(e => e.GetString()));
        var trials = root.GetProperty("trials");
        Assert.Equal(study.Trials.Count, trials.GetArrayLength());
        var second = trials[1];
        Assert.Equal(1.0 / 3, second.GetProperty("value").GetDouble());
        Assert.Equal(Start.AddMinutes(1), second.GetProperty("start").GetDateTimeOffset());
        var parameters = second.GetProperty("parameters");
        Assert.Equal("say \"hi\"", parameters.GetProperty("Text").GetString());
        Assert.Equal(1e-5, parameters.GetProperty("Training.LearningRate").GetDouble());
        Assert.Equal(0, parameters.GetProperty("Training.Schedule.WarmupSteps").GetInt64());
        Assert.False(parameters.GetProperty("Training.Schedule.Cosine").GetBoolean());
        Assert.Equal(0.9, parameters.GetProperty("Momentum").GetDouble());
        Assert.False(trials[0].GetProperty("parameters").TryGetProperty("Momentum", out _));
        Assert.Equal("boom, \"quoted\"\r\nsecond line", trials[2].GetProperty("failReason").GetString());
        Assert.Equal(JsonValueKind.Null, trials[2].GetProperty("value").ValueKind);
        var intermediate = trials[3].GetProperty("intermediate");
        Assert.Equal(2.5, intermediate[0].GetProperty("value").GetDouble());
        Assert.Equal("NaN", intermediate[1].GetProperty("value").GetString());
        Assert.Empty(trials[4].GetProperty("parameters").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, trials[4].GetProperty("durationSeconds").ValueKind);
        Assert.Equal(("TPE", HostileStrategyReason), (trials[2].GetProperty("strategy").GetString(), trials[2].GetProperty("strategyReason").GetString()));
        Assert.Equal("random start-up", trials[1].GetProperty("strategy").GetString());
        Assert.False(trials[1].TryGetProperty("strategyReason", out _));
        Assert.False(trials[4].TryGetProperty("strategy", out _));
    }

    [Fact]
    public void A_configuration_nests_dotted_names_keeps_types_and_leaves_inactive_dimensions_out()
    {
        var text = ConfigurationJson.Write("App:Tuned", Space, [4, 0.003, 200, 0, double.NaN]);

        using var json = JsonDocument.Parse(text);
        var tuned = json.RootElement.GetProperty("App").GetProperty("Tuned");
        Assert.Equal(["Text", "Training"], tuned.EnumerateObject().Select(p => p.Name));
        Assert.Equal("plain", tuned.GetProperty("Text").GetString());
        var training = tuned.GetProperty("Training");
        Assert.Equal(0.003, training.GetProperty("LearningRate").GetDouble());
        Assert.Equal("200", training.GetProperty("Schedule").GetProperty("WarmupSteps").GetRawText());
        Assert.Equal(JsonValueKind.True, training.GetProperty("Schedule").GetProperty("Cosine").ValueKind);
        Assert.False(tuned.TryGetProperty("Momentum", out _));
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void A_configuration_refuses_an_empty_section_part()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfigurationJson.Write("App::Tuned", Space, [4, 0.003, 200, 0, double.NaN]));
        Assert.Equal("section", error.ParamName);
    }

    [Fact]
    public void The_model_card_in_markdown_escapes_cells_and_lists_every_part()
    {
        var card = Card();

        var md = ModelCardMarkdown.Write(card);

        Assert.StartsWith("# Model card: hostile, \"study\"\n", md);
        Assert.Contains("- Trials: 6 (3 complete, 1 pruned, 1 failed, 1 running)", md);
        Assert.Contains("- Generated: 2025-03-02 08:00:00Z by Dials ", md);
        Assert.Contains("- Text: choice of [", md);
        Assert.Contains("## Best configuration (trial 5)", md);
        Assert.Contains("Value: 0.125", md);
        Assert.Contains("- Trials by strategy: queued 1, random start-up 1, TPE 3, not recorded 1\n", md);
        Assert.Contains("Proposed by: TPE (model of 4 trials)\n", md);
        Assert.Contains("| Text | \"pipe \\| cell\" |", md);
        Assert.Contains("| Training.Schedule.WarmupSteps | 300 |", md);
        Assert.Contains("| 1 | 5 | 0.125 | 0.01 | 3 (folds) | Text=pipe | cell |", md.Replace("\\|", "|"));
        Assert.Contains("- Best within noise of the runner-up.", md);
        Assert.Contains("## Importance (Fanova, 3 trials)", md);
        Assert.Contains("| Training.LearningRate | 80.0% | 5.0% |", md);
        Assert.Contains("- Few trials.", md);
        Assert.Contains("## Notes", md);
        Assert.DoesNotContain("\r", md);
        Assert.All(md.Split('\n').Where(l => l.StartsWith('|')), l => Assert.EndsWith("|", l));
    }

    [Fact]
    public void The_model_card_in_json_parses_and_keeps_types()
    {
        using var json = JsonDocument.Parse(ModelCardJson.Write(Card(), Space));

        var root = json.RootElement;
        Assert.Equal("hostile, \"study\"", root.GetProperty("study").GetString());
        Assert.Equal(6, root.GetProperty("trials").GetProperty("total").GetInt32());
        var best = root.GetProperty("best");
        Assert.Equal(5, best.GetProperty("trial").GetInt32());
        Assert.Equal(("TPE", "model of 4 trials"), (best.GetProperty("strategy").GetString(), best.GetProperty("strategyReason").GetString()));
        var strategies = root.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(["queued", "random start-up", "TPE", "not recorded"], strategies.Select(s => s.GetProperty("strategy").GetString()));
        Assert.Equal([1, 1, 3, 1], strategies.Select(s => s.GetProperty("trials").GetInt32()));
        Assert.Equal([1, 1, 1, 0], strategies.Select(s => s.GetProperty("complete").GetInt32()));
        Assert.Equal((5, 0.125), (strategies[2].GetProperty("bestTrial").GetInt32(), strategies[2].GetProperty("bestValue").GetDouble()));
        Assert.Equal(JsonValueKind.Null, strategies[3].GetProperty("bestTrial").ValueKind);
        Assert.Equal(JsonValueKind.Null, strategies[3].GetProperty("bestValue").ValueKind);
        Assert.Equal(300, best.GetProperty("parameters").GetProperty("Training.Schedule.WarmupSteps").GetInt64());
        Assert.Equal(300, best.GetProperty("configuration").GetProperty("Hyperparameters").GetProperty("Training").GetProperty("Schedule").GetProperty("WarmupSteps").GetInt64());
        var uncertainty = root.GetProperty("uncertainty");
        Assert.Equal(0.02, uncertainty.GetProperty("noise").GetDouble());
        Assert.Equal(JsonValueKind.Null, uncertainty.GetProperty("selectionBias").ValueKind);
        Assert.Equal("Folds", uncertainty.GetProperty("top")[0].GetProperty("source").GetString());
        Assert.Equal("WithinNoise", uncertainty.GetProperty("warnings")[0].GetProperty("kind").GetString());
        Assert.Equal("Fanova", root.GetProperty("importance").GetProperty("method").GetString());
        Assert.Equal(0.8, root.GetProperty("importance").GetProperty("dimensions")[0].GetProperty("importance").GetDouble());
        Assert.Equal("Sensitivity not evaluated: too small.", root.GetProperty("notes")[0].GetString());
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero), root.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal(ModelCard.DialsVersionText, root.GetProperty("dialsVersion").GetString());
    }

    [Fact]
    public void The_authors_sections_follow_the_studys_in_markdown_and_json()
    {
        var card = Card() with
        {
            Sections =
            [
                new CardSection("Held-out scores", [new CardFact("Test RMSE, tuned", "61.9 (once)", 61.9), new CardFact("Note", "line\nbreak")]),
                new CardSection("Versions", [new CardFact("Dials", "0.1.0")]),
            ],
        };

        var md = ModelCardMarkdown.Write(card);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card, Space));

        Assert.Contains("## Held-out scores\n\n- Test RMSE, tuned: 61.9 (once)\n- Note: line break\n\n## Versions\n\n- Dials: 0.1.0\n", md);
        Assert.True(md.IndexOf("## Held-out scores", StringComparison.Ordinal) > md.IndexOf("## Best configuration", StringComparison.Ordinal));
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["Held-out scores", "Versions"], sections.Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(61.9, sections[0].GetProperty("facts").GetProperty("Test RMSE, tuned").GetDouble());
        Assert.Equal("line\nbreak", sections[0].GetProperty("facts").GetProperty("Note").GetString());
        Assert.False(JsonDocument.Parse(ModelCardJson.Write(Card(), Space)).RootElement.TryGetProperty("sections", out _));
    }

    [Fact]
    public void A_card_from_a_report_takes_its_analyses_and_notes_what_it_left_out()
    {
        var card = Card();
        var content = new Dials.Reporting.Html.ReportContent(Study(), card.Importance, null, card.Uncertainty, Start);

        var fromReport = ModelCard.From(content, [("sensitivity", "too small."), ("importance", "only 3 trials.")]);

        Assert.Same(card.Importance, fromReport.Importance);
        Assert.Same(card.Uncertainty, fromReport.Uncertainty);
        Assert.Equal(Start, fromReport.GeneratedAt);
        Assert.Equal(["Sensitivity not evaluated: too small.", "Importance not evaluated: only 3 trials."], fromReport.Notes);
    }

    [Fact]
    public void A_card_without_analyses_or_complete_trials_still_writes()
    {
        var study = new StudySnapshot("empty", Direction.Maximize, Space, []);
        var card = ModelCard.From(study, null, null, Start);

        var md = ModelCardMarkdown.Write(card);
        using var json = JsonDocument.Parse(ModelCardJson.Write(card, Space));

        Assert.Contains("No trial completed.", md);
        Assert.DoesNotContain("Trials by strategy", md);
        Assert.Empty(json.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.DoesNotContain("## Importance", md);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("best").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("importance").ValueKind);
    }

    [Fact]
    public void Strategy_summaries_follow_first_use_and_the_studys_direction()
    {
        var maximised = Study() with { Direction = Direction.Maximize };

        var summaries = StrategySummary.Of(maximised);

        Assert.Equal(
            [new StrategySummary("queued", 1, 1, 0, 0.25), new StrategySummary("random start-up", 1, 1, 1, 1.0 / 3),
             new StrategySummary("TPE", 3, 1, 5, 0.125), new StrategySummary(StrategySummary.NotRecorded, 1, 0, null, null)],
            summaries);
        var tpe = new StudySnapshot("tpe", Direction.Maximize, Space,
            [.. Study().Trials.Where(t => t.State == TrialState.Complete).Select(t => t with { Strategy = "TPE" })]);
        Assert.Equal(new StrategySummary("TPE", 3, 3, 1, 1.0 / 3), Assert.Single(StrategySummary.Of(tpe)));
    }

    [Fact]
    public void Trial_counts_and_analysis_attempts_behave()
    {
        Assert.Equal(new TrialCounts(6, 3, 1, 1, 1), TrialCounts.Of(Study().Trials));
        var skipped = Dials.Reporting.AnalysisAttempt.Run<string>(() => throw new InvalidOperationException("too few"));
        Assert.Equal((null, "too few"), (skipped.Result, skipped.Skipped));
        Assert.Equal("ran", Dials.Reporting.AnalysisAttempt.Run(() => "ran").Result);
        Assert.Throws<ArgumentException>(() => Dials.Reporting.AnalysisAttempt.Run<string>(() => throw new ArgumentException("bug")));
    }

    private static ModelCard Card()
    {
        var importance = new ImportanceResult(ImportanceMethod.Fanova, 3,
            [new DimensionImportance("Training.LearningRate", 0.8, 0.05), new DimensionImportance("Text", 0.2, 0.05)], ["Few trials."]);
        var uncertainty = new UncertaintyReport(
            [new ConfigurationSpread([5], new Dictionary<string, string> { ["Text"] = "pipe | cell" }, 0.125, 0.01, 3, SpreadSource.Folds)],
            0.02, null, [new UncertaintyWarning(UncertaintyWarningKind.WithinNoise, "Best within noise of the runner-up.")]);
        return ModelCard.From(Study(), importance, uncertainty, new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero),
            ["Sensitivity not evaluated: too small."]);
    }
}
