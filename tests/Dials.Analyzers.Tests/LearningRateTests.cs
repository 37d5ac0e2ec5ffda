using Dials.CodeFixes;

namespace Dials.Analyzers.Tests;

public class LearningRateTests
{
    [Theory]
    [InlineData("LearningRate", "1.0")]
    [InlineData("Lr", "3")]
    [InlineData("learning_rate", "1e-7")]
    [InlineData("Eta", "0")]
    [InlineData("PeakLearningRate", "2.5")]
    public Task Default_outside_the_band_that_trains_is_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {|DIALS100:{{value}}|};
        }
        """);

    [Theory]
    [InlineData("LearningRate", "3e-4")]
    [InlineData("StepSize", "0.1")]
    [InlineData("MinLearningRate", "1e-7")] // a schedule's floor is meant to be tiny
    [InlineData("LearningRateDecay", "1.0")] // a decay factor, not a learning rate
    [InlineData("Plural", "2.0")] // "lr" inside a word is not a learning rate
    public Task Ordinary_learning_rates_and_lookalike_names_are_not_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {{value}};
        }
        """);

    [Fact]
    public Task Integer_step_size_is_not_a_learning_rate() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Scheduler
        {
            public int StepSize { get; init; } = 30;
        }
        """);

    [Fact]
    public Task Properties_of_types_without_hyperparameters_are_never_flagged() => Verify.Analyzer("""
        public record Config
        {
            [FloatRange(1e-5, 10, Log = true)] public double LearningRate { get; init; } = 5;
        }
        """);

    [Fact]
    public Task Range_reaching_past_one_is_ended_at_one() => Verify.Fix<CapLearningRateRangeCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS101:FloatRange(1e-4, 10, Log = true)|}] public double LearningRate { get; init; } = 1e-2;
        }
        """, """
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-2;
        }
        """);

    [Fact]
    public Task Choices_reaching_past_one_are_flagged_without_a_fix() => Verify.Fix<CapLearningRateRangeCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS101:Choice(0.01, 0.1, 2.0)|}] public double Lr { get; init; } = 0.01;
        }
        """, fixedSource: null);

    [Fact]
    public Task Range_ending_at_one_is_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-5, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;
        }
        """);
}
