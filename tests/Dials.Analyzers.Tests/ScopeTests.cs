namespace Dials.Analyzers.Tests;

/// <summary>What the analyzers look at, and what they leave alone.</summary>
public class ScopeTests
{
    [Fact]
    public Task Generated_code_is_not_analysed() => Verify.AnalyzerInGeneratedFile("""
        [Hyperparameters]
        public partial record Config
        {
            public double LearningRate { get; init; } = 5;
        }
        """);

    [Fact]
    public Task Computed_defaults_are_not_judged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            private static double Pick() => 5;
            public double LearningRate { get; init; } = Pick();
        }
        """);

    [Fact]
    public Task Named_constants_are_read_through_the_semantic_model() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            private const double Huge = 5;
            public double LearningRate { get; init; } = {|DIALS100:Huge|};
        }
        """);

    [Fact]
    public Task Nested_types_report_their_own_properties_once() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Optimizer
        {
            public double LearningRate { get; init; } = {|DIALS100:5|};
        }

        [Hyperparameters]
        public partial record Config
        {
            public Optimizer Optimizer { get; init; } = new();
        }
        """);

    [Fact]
    public Task Malformed_ranges_are_left_to_the_generator() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(10, 1e-5)] public double LearningRate { get; init; } = 1e-3;
        }
        """);
}
