namespace Dials.Analysis.Tests;

public sealed class ImportanceTests
{
    private static readonly SearchSpace<double[]> MixedSpace = SyntheticStudies.Space(
        Dimension.Float("x0", 0, 1), Dimension.Float("x1", 0, 1), Dimension.Float("x2", 0, 1), Dimension.Float("x3", 0, 1),
        Dimension.Categorical("c", ["a", "b", "c"]));

    /// <summary>A bowl in x0, a slope in x1, a bump for choice "b", and two dimensions that do nothing.</summary>
    private static double Mixed(double[] p) => 10 * (p[0] - 0.5) * (p[0] - 0.5) + 2 * p[1] + 0 * p[2] + 0 * p[3] + (p[4] == 1 ? 1.5 : 0);

    [Fact]
    public void Fanova_ranks_the_dimensions_that_shape_the_objective_above_those_that_do_not()
    {
        var result = ParameterImportance.Evaluate(SyntheticStudies.Random(MixedSpace, 200, Mixed));

        Assert.Equal(ImportanceMethod.Fanova, result.Method);
        Assert.Equal(200, result.TrialsUsed);
        Assert.Equal("x0", result.Dimensions[0].Name);
        Assert.Equal(["c", "x0", "x1"], result.Dimensions.Take(3).Select(d => d.Name).Order());
        Assert.All(["x2", "x3"], noise => Assert.True(result.Of(noise) < 0.05, $"{noise}: {result.Of(noise)}"));
        Assert.Equal(1, result.Dimensions.Sum(d => d.Importance), 9);
        Assert.All(result.Dimensions, d => Assert.True(d.Spread >= 0));
        Assert.Contains(result.Notes, n => n.Contains("Main effects explain", StringComparison.Ordinal));
    }

    [Fact]
    public void A_categorical_that_decides_the_objective_takes_almost_all_the_importance()
    {
        var space = SyntheticStudies.Space(
            Dimension.Categorical("optimizer", ["sgd", "adam", "rmsprop"]), Dimension.Float("x", 0, 1), Dimension.Int("n", 1, 8));
        double[] byChoice = [3, 0, 1];
        var result = ParameterImportance.Evaluate(SyntheticStudies.Random(space, 150, p => byChoice[(int)p[0]] + 0.1 * p[1]));

        Assert.Equal("optimizer", result.Dimensions[0].Name);
        Assert.True(result.Of("optimizer") > 0.9, $"optimizer: {result.Of("optimizer")}");
        Assert.True(result.Of("n") < 0.05, $"n: {result.Of("n")}");
    }

    [Fact]
    public void A_conditional_dimension_keeps_the_trials_where_it_is_inactive_and_outranks_noise()
    {
        // "momentum" exists only for sgd and matters there; adam ignores it. Noise dimensions do nothing anywhere.
        var space = SyntheticStudies.Space(
            Dimension.Categorical("optimizer", ["sgd", "adam"]),
            Dimension.Float("momentum", 0, 1, condition: new DimensionCondition("optimizer", [0])),
            Dimension.Float("rate", 0, 1),
            Dimension.Float("noise1", 0, 1),
            Dimension.Float("noise2", 0, 1));
        var study = SyntheticStudies.Random(space, 200,
            p => (p[0] == 0 ? 4 * (p[1] - 0.8) * (p[1] - 0.8) : 0.5) + (p[2] - 0.5) * (p[2] - 0.5));
        Assert.Contains(study.Complete, t => double.IsNaN(t.Point[1]));

        var result = ParameterImportance.Evaluate(study);

        Assert.Equal(200, result.TrialsUsed);
        Assert.True(result.Of("momentum") > result.Of("noise1") && result.Of("momentum") > result.Of("noise2"),
            string.Join(", ", result.Dimensions));
        Assert.True(result.Of("momentum") > 0.1, $"momentum: {result.Of("momentum")}");
        Assert.All(["noise1", "noise2"], noise => Assert.True(result.Of(noise) < 0.05, $"{noise}: {result.Of(noise)}"));
    }

    [Fact]
    public void A_dimension_never_active_gets_zero_and_a_note()
    {
        var space = SyntheticStudies.Space(
            Dimension.Categorical("optimizer", ["sgd", "adam"]),
            Dimension.Float("momentum", 0, 1, condition: new DimensionCondition("optimizer", [0])),
            Dimension.Float("rate", 0, 1));
        var onlyAdam = SyntheticStudies.Random(space, 40, p => p[2]);
        var trials = onlyAdam.Trials.Select(t => t with { Point = [1, double.NaN, t.Point[2]] }).ToArray();

        var result = ParameterImportance.Evaluate(new StudySnapshot(onlyAdam.Name, onlyAdam.Direction, space, trials));

        Assert.Equal(0, result.Of("momentum"));
        Assert.Contains(result.Notes, n => n.Contains("'momentum' was inactive in every complete trial", StringComparison.Ordinal));
        Assert.Equal("rate", result.Dimensions[0].Name);
    }

    [Fact]
    public void Auto_falls_back_to_the_fast_method_on_a_small_study_and_says_why()
    {
        var result = ParameterImportance.Evaluate(SyntheticStudies.Random(MixedSpace, 12, p => 5 * p[0] + 0.01 * p[3]));

        Assert.Equal(ImportanceMethod.Fast, result.Method);
        Assert.Equal(12, result.TrialsUsed);
        Assert.Equal("x0", result.Dimensions[0].Name);
        Assert.True(result.Of("x0") > 0.5, $"x0: {result.Of("x0")}");
        Assert.Equal(1, result.Dimensions.Sum(d => d.Importance), 9);
        Assert.All(result.Dimensions, d => Assert.Equal(0, d.Spread));
        var note = Assert.Single(result.Notes);
        Assert.Contains("Only 12 complete trials", note, StringComparison.Ordinal);
        Assert.Contains("MinTrialsForFanova", note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fast_method_asked_for_on_a_large_study_ranks_like_fanova()
    {
        var result = ParameterImportance.Evaluate(SyntheticStudies.Random(MixedSpace, 200, Mixed), new() { Method = ImportanceMethod.Fast });

        Assert.Equal(ImportanceMethod.Fast, result.Method);
        Assert.Equal(["c", "x0", "x1"], result.Dimensions.Take(3).Select(d => d.Name).Order());
        Assert.All(["x2", "x3"], noise => Assert.True(result.Of(noise) < 0.05, $"{noise}: {result.Of(noise)}"));
        Assert.Contains(result.Notes, n => n.Contains("as asked", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_repeats_the_estimate_exactly_and_another_seed_moves_it()
    {
        var study = SyntheticStudies.Random(MixedSpace, 100, Mixed);

        var first = ParameterImportance.Evaluate(study, new() { Seed = 3 });
        var again = ParameterImportance.Evaluate(study, new() { Seed = 3 });
        var other = ParameterImportance.Evaluate(study, new() { Seed = 4 });

        Assert.Equal(first.Dimensions, again.Dimensions);
        Assert.NotEqual(first.Dimensions.Select(d => d.Importance), other.Dimensions.Select(d => d.Importance));
    }

    [Fact]
    public void A_constant_objective_gives_every_dimension_zero_and_a_note()
    {
        var result = ParameterImportance.Evaluate(SyntheticStudies.Random(MixedSpace, 30, _ => 4.2));

        Assert.All(result.Dimensions, d => Assert.Equal(0, d.Importance));
        Assert.Equal(MixedSpace.Dimensions.Select(d => d.Name), result.Dimensions.Select(d => d.Name));
        Assert.Contains(result.Notes, n => n.Contains("same value in every complete trial", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_complete_trials_with_a_value_count()
    {
        var study = SyntheticStudies.Random(MixedSpace, 30, Mixed);
        var failed = SyntheticStudies.Failed(30, [0.5, 0.5, 0.5, 0.5, 0]);

        var result = ParameterImportance.Evaluate(new StudySnapshot(study.Name, study.Direction, MixedSpace, [.. study.Trials, failed]));

        Assert.Equal(30, result.TrialsUsed);
    }

    [Fact]
    public void Fewer_than_two_complete_trials_is_an_error_naming_the_study_and_the_counts()
    {
        var point = new double[] { 0.5, 0.5, 0.5, 0.5, 0 };
        var study = new StudySnapshot("tiny", Direction.Minimize, MixedSpace,
            [SyntheticStudies.Complete(0, point, 1), SyntheticStudies.Failed(1, point), SyntheticStudies.Failed(2, point)]);

        var error = Assert.Throws<InvalidOperationException>(() => ParameterImportance.Evaluate(study));

        Assert.Contains("'tiny'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 complete trial(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 in all", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 20, "Trees")]
    [InlineData(64, 1, "MinTrialsForFanova")]
    public void Options_out_of_range_are_named(int trees, int minTrials, string option)
    {
        var study = SyntheticStudies.Random(MixedSpace, 30, Mixed);

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ParameterImportance.Evaluate(study, new() { Trees = trees, MinTrialsForFanova = minTrials }));

        Assert.Contains("ImportanceOptions." + option, error.Message, StringComparison.Ordinal);
    }
}
