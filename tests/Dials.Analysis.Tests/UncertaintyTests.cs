using System.Globalization;
using Dials.Analysis;
using Dials.Storage;
using static Dials.Analysis.Tests.HandMadeStudy;

namespace Dials.Analysis.Tests;

public sealed class UncertaintyTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Repeated_points_are_grouped_and_their_spread_computed_exactly()
    {
        // X = 1 scored 0.5, 0.7, 0.6 (mean 0.6, sd 0.1); X = 2 scored 0.9, 0.8 (mean 0.85, sd sqrt(0.005)).
        var study = OnOneFloat(Direction.Minimize, (1, 0.5), (2, 0.9), (1, 0.7), (1, 0.6), (2, 0.8));

        var report = Uncertainty.Evaluate(study);

        Assert.Equal(2, report.Top.Count);
        var best = report.Top[0];
        Assert.Equal([0, 2, 3], best.TrialNumbers);
        Assert.Equal(SpreadSource.Repeats, best.Source);
        Assert.Equal(3, best.Samples);
        Assert.Equal(0.6, best.Mean, Tolerance);
        Assert.Equal(0.1, best.StandardDeviation, Tolerance);
        Assert.Equal(0.1 / Math.Sqrt(3), best.StandardError, Tolerance);
        Assert.Equal("1", best.Parameters["X"]);

        var second = report.Top[1];
        Assert.Equal([1, 4], second.TrialNumbers);
        Assert.Equal(0.85, second.Mean, Tolerance);
        Assert.Equal(Math.Sqrt(0.005), second.StandardDeviation, Tolerance);

        // Pooled over 2 + 1 degrees of freedom; the bias is the expected best of 5 noisy draws.
        var noise = Math.Sqrt((2 * 0.01 + 1 * 0.005) / 3);
        Assert.Equal(noise, report.Noise!.Value, Tolerance);
        Assert.Equal(noise * Math.Sqrt(2 * Math.Log(5)), report.SelectionBias!.Value, Tolerance);
    }

    [Fact]
    public void Inactive_dimensions_match_when_grouping_and_are_left_out_of_the_parameters()
    {
        var study = Of(Conditional, Direction.Minimize,
            SyntheticStudies.Complete(0, [1, double.NaN], 0.40),
            SyntheticStudies.Complete(1, [0, 0.9], 0.50),
            SyntheticStudies.Complete(2, [1, double.NaN], 0.44));

        var best = Uncertainty.Evaluate(study).Top[0];

        Assert.Equal([0, 2], best.TrialNumbers);
        Assert.Equal(SpreadSource.Repeats, best.Source);
        Assert.Equal(new Dictionary<string, string> { ["Optimizer"] = "\"adam\"" }, best.Parameters);
        Assert.Equal(new Dictionary<string, string> { ["Optimizer"] = "\"sgd\"", ["Momentum"] = "0.9" },
            Uncertainty.Evaluate(study).Top[1].Parameters);
    }

    [Fact]
    public void Folds_are_unwound_exactly_from_the_running_means()
    {
        // Folds 0.8, 0.6, 0.7 report running means 0.8, 0.7, 0.7; an earlier value (a warm-up report) is not a fold.
        var folded = WithIntermediate(0, [3], 0.7, 5.0, 0.8, 0.7, 0.7);
        var tooFewReports = WithIntermediate(1, [4], 0.75, 0.75);
        var study = Of(OneFloat, Direction.Minimize, folded, tooFewReports);

        var report = Uncertainty.Evaluate(study, new UncertaintyOptions { FoldsPerTrial = 3 });

        var best = report.Top[0];
        Assert.Equal(SpreadSource.Folds, best.Source);
        Assert.Equal([0], best.TrialNumbers);
        Assert.Equal(3, best.Samples);
        Assert.Equal(0.7, best.Mean, Tolerance);
        Assert.Equal(0.1, best.StandardDeviation, Tolerance);
        Assert.Equal(0.1, report.Noise!.Value, Tolerance);

        var single = report.Top[1];
        Assert.Equal(SpreadSource.Single, single.Source);
        Assert.Equal(1, single.Samples);
        Assert.Equal(0.75, single.Mean);
        Assert.Equal(0, single.StandardError);
    }

    [Fact]
    public void Configurations_scored_on_the_same_folds_are_compared_fold_by_fold()
    {
        // Folds differ a lot in difficulty (0.5, 0.7, 0.9), which both configurations share; the runner-up is worse on
        // every fold by 0.02 or 0.03. Unpaired, a 0.0233 lead is far inside the folds' spread; paired it is clear.
        var best = WithIntermediate(0, [1], 0.7, RunningMeans(0.5, 0.7, 0.9));
        var runnerUp = WithIntermediate(1, [2], 0.72333, RunningMeans(0.52, 0.72, 0.93));
        var study = Of(OneFloat, Direction.Minimize, best, runnerUp);

        var report = Uncertainty.Evaluate(study, new UncertaintyOptions { FoldsPerTrial = 3 });

        Assert.Equal([0.5, 0.7, 0.9], report.Top[0].Scores!.Select(s => Math.Round(s, 9)));
        Assert.DoesNotContain(report.Warnings, w => w.Kind == UncertaintyWarningKind.WithinNoise);

        // The same spread without the pairing (one folded, one repeated) is within noise.
        var unpaired = Of(OneFloat, Direction.Minimize, best,
            SyntheticStudies.Complete(1, [2], 0.52), SyntheticStudies.Complete(2, [2], 0.72), SyntheticStudies.Complete(3, [2], 0.93));
        Assert.Contains(Uncertainty.Evaluate(unpaired, new UncertaintyOptions { FoldsPerTrial = 3 }).Warnings,
            w => w.Kind == UncertaintyWarningKind.WithinNoise);
    }

    [Fact]
    public void Selection_bias_is_the_noise_of_a_trials_value_a_mean_over_its_folds()
    {
        // Two trials of four folds each with fold standard deviation 0.2: a trial's value, the mean of four folds, has
        // noise 0.1, so two complete trials expect a bias of 0.1 * sqrt(2 ln 2).
        var study = Of(OneFloat, Direction.Minimize,
            WithIntermediate(0, [1], 0.5, RunningMeans(0.3, 0.7, 0.3, 0.7)),
            WithIntermediate(1, [2], 0.6, RunningMeans(0.4, 0.8, 0.4, 0.8)));

        var report = Uncertainty.Evaluate(study, new UncertaintyOptions { FoldsPerTrial = 4 });

        var foldSd = FoldScores.StandardDeviation([0.3, 0.7, 0.3, 0.7]);
        Assert.Equal(foldSd, report.Noise!.Value, Tolerance);
        Assert.Equal(foldSd / 2 * Math.Sqrt(2 * Math.Log(2)), report.SelectionBias!.Value, Tolerance);
    }

    private static double[] RunningMeans(params double[] folds) =>
        [.. folds.Select((_, i) => folds.Take(i + 1).Average())];

    [Fact]
    public void Without_FoldsPerTrial_intermediate_values_are_not_folds()
    {
        var study = Of(OneFloat, Direction.Minimize, WithIntermediate(0, [3], 0.7, 0.8, 0.7, 0.7));

        var only = Uncertainty.Evaluate(study).Top.Single();

        Assert.Equal(SpreadSource.Single, only.Source);
        Assert.Equal(0.7, only.Mean);
    }

    [Fact]
    public void Within_noise_warning_fires_when_the_top_two_overlap()
    {
        // Means 0.6 and 0.65, standard errors 0.0577 and 0.0173: a 0.05 lead is inside their combined 0.0603.
        var study = OnOneFloat(Direction.Minimize, (1, 0.5), (1, 0.7), (1, 0.6), (2, 0.62), (2, 0.65), (2, 0.68));

        var report = Uncertainty.Evaluate(study);

        AssertWarning(report.Warnings[0], UncertaintyWarningKind.WithinNoise,
            "trials #0, #1, #2, mean 0.6", "by 0.05,", "standard error of that difference, 0.06028");
    }

    [Fact]
    public void Figures_in_messages_ignore_the_current_culture()
    {
        var study = OnOneFloat(Direction.Minimize, (1, 0.5), (1, 0.7), (1, 0.6), (2, 0.62), (2, 0.65), (2, 0.68));
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            AssertWarning(Uncertainty.Evaluate(study).Warnings[0], UncertaintyWarningKind.WithinNoise, "standard error of that difference, 0.06028");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void No_warning_when_the_best_is_clearly_ahead()
    {
        var study = OnOneFloat(Direction.Minimize, (1, 0.10), (1, 0.11), (1, 0.12), (2, 0.60), (2, 0.61), (2, 0.62));

        var report = Uncertainty.Evaluate(study);

        Assert.Empty(report.Warnings);
        Assert.Equal(0.11, report.Top[0].Mean, Tolerance);
    }

    [Fact]
    public void Single_scores_compare_against_the_pooled_noise_times_root_two()
    {
        // X = 5 scored twice (sd 0.05) gives the noise; the two single scores differ by 0.06 < 0.05 * sqrt(2).
        var close = OnOneFloat(Direction.Maximize, (1, 0.90), (2, 0.84), (5, 0.50), (5, 0.5707106781186548));
        var apart = OnOneFloat(Direction.Maximize, (1, 0.90), (2, 0.82), (5, 0.50), (5, 0.5707106781186548));

        var closeReport = Uncertainty.Evaluate(close);

        Assert.Equal(0.05, closeReport.Noise!.Value, 1e-9);
        Assert.Equal([0], closeReport.Top[0].TrialNumbers);
        AssertWarning(closeReport.Warnings[0], UncertaintyWarningKind.WithinNoise, "standard error of that difference, 0.07071");
        Assert.DoesNotContain(Uncertainty.Evaluate(apart).Warnings, w => w.Kind == UncertaintyWarningKind.WithinNoise);
    }

    [Fact]
    public void Many_trials_against_one_validation_set_warn_of_overfitting()
    {
        var hundred = Enumerable.Range(0, 100).Select(i => (X: i / 10.0, Value: 1.0 + i)).ToArray();

        var report = Uncertainty.Evaluate(OnOneFloat(Direction.Minimize, hundred));
        var fewer = Uncertainty.Evaluate(OnOneFloat(Direction.Minimize, hundred[..99]));

        Assert.Equal([UncertaintyWarningKind.ValidationOverfit, UncertaintyWarningKind.NoSpread],
            report.Warnings.Select(w => w.Kind));
        AssertWarning(report.Warnings[0], UncertaintyWarningKind.ValidationOverfit,
            "100 trials were scored against one validation set", "held-out data touched once");
        Assert.Equal([UncertaintyWarningKind.NoSpread], fewer.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void A_lead_smaller_than_the_selection_bias_warns_of_overfitting()
    {
        // Noise 0.1414 (X = 9 scored 1.0 and 1.2). The best single score leads by 0.3: more than the 0.2 that two
        // single scores' noise explains, less than the 0.1414 * sqrt(2 ln 20) = 0.3462 that picking the best of 20
        // trials explains.
        var trials = new List<(double X, double Value)> { (9, 1.0), (9, 1.2), (1, 0.0), (2, 0.3) };
        trials.AddRange(Enumerable.Range(0, 16).Select(i => (X: 3 + i / 4.0, Value: 2.0 + i)));

        var report = Uncertainty.Evaluate(OnOneFloat(Direction.Minimize, [.. trials]));

        AssertWarning(Assert.Single(report.Warnings), UncertaintyWarningKind.ValidationOverfit,
            "20 trials", "about 0.3462 better", "0.3 lead");
    }

    [Fact]
    public void Without_any_repeated_or_folded_configuration_the_noise_is_unknown()
    {
        var report = Uncertainty.Evaluate(OnOneFloat(Direction.Minimize, (1, 0.3), (2, 0.2), (3, 0.4)));

        Assert.Null(report.Noise);
        Assert.Null(report.SelectionBias);
        Assert.Equal([1, 0, 2], report.Top.Select(c => c.TrialNumbers.Single()));
        Assert.All(report.Top, c => Assert.Equal(SpreadSource.Single, c.Source));
        AssertWarning(Assert.Single(report.Warnings), UncertaintyWarningKind.NoSpread, "different seeds", "cross-validation");
    }

    [Fact]
    public void Top_keeps_the_best_configurations_in_the_study_direction()
    {
        var study = OnOneFloat(Direction.Maximize, (1, 0.3), (2, 0.9), (3, 0.5), (4, 0.7));

        var report = Uncertainty.Evaluate(study, new UncertaintyOptions { Top = 2 });

        Assert.Equal([0.9, 0.7], report.Top.Select(c => c.Mean));
    }

    [Fact]
    public void A_study_without_a_complete_trial_is_an_error_naming_it()
    {
        var failed = SyntheticStudies.Failed(0, [1.0]);
        var running = new TrialRecord(1, TrialState.Running, [2.0], null, [], DateTimeOffset.UnixEpoch, null);
        var study = new StudySnapshot("empty-study", Direction.Minimize, OneFloat, [failed, running]);

        var error = Assert.Throws<InvalidOperationException>(() => Uncertainty.Evaluate(study));

        Assert.Contains("'empty-study'", error.Message);
        Assert.Contains("no complete trial", error.Message);
    }

    [Theory]
    [InlineData(nameof(UncertaintyOptions.Top))]
    [InlineData(nameof(UncertaintyOptions.FoldsPerTrial))]
    [InlineData(nameof(UncertaintyOptions.ManyTrials))]
    public void Options_out_of_range_are_named(string property)
    {
        var options = property switch
        {
            nameof(UncertaintyOptions.Top) => new UncertaintyOptions { Top = 0 },
            nameof(UncertaintyOptions.FoldsPerTrial) => new UncertaintyOptions { FoldsPerTrial = 1 },
            _ => new UncertaintyOptions { ManyTrials = 0 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Uncertainty.Evaluate(OnOneFloat(Direction.Minimize, (1, 0.3)), options));

        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public async Task A_real_study_with_repeated_points_reports_their_spread()
    {
        // Two configurations, eight trials: every point repeats, each run offset by a "seed" of +-0.01.
        var storage = new InMemoryStorage();
        var study = Study.Create<SeedRepeatConfig>(new StudyOptions
        {
            Name = "repeats", Storage = storage, Sampler = new Samplers.RandomSampler(seed: 7),
        });
        var run = 0;
        await study.OptimizeAsync(config => config.Level + (run++ % 2 == 0 ? 0.01 : -0.01), trials: 8);

        var report = Uncertainty.Evaluate(StudySnapshot.Load(storage, "repeats"));

        Assert.Equal(2, report.Top.Count);
        Assert.All(report.Top, c => Assert.Equal(SpreadSource.Repeats, c.Source));
        Assert.Equal(8, report.Top.Sum(c => c.Samples));
        Assert.Equal("1", report.Top[0].Parameters["Level"]);
        Assert.InRange(report.Top[0].Mean, 0.99, 1.01);
        Assert.InRange(report.Noise!.Value, 0.001, 0.02);
    }
}
