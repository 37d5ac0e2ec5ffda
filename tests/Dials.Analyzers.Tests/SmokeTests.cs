namespace Dials.Analyzers.Tests;

public class SmokeTests
{
    [Fact]
    public Task Learning_rate_of_one_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public double LearningRate { get; init; } = {|DIALS100:1.0|};
        }
        """);

    [Fact]
    public Task Partial_fix() => Verify.GeneratorFix<Dials.CodeFixes.MakePartialCodeFix>("""
        [Hyperparameters]
        public sealed record Config
        {
            [FloatRange(0, 1)] public double Dropout { get; init; } = 0.1;
        }
        """, "DIALS001", "Config", """
        [Hyperparameters]
        public sealed partial record Config
        {
            [FloatRange(0, 1)] public double Dropout { get; init; } = 0.1;
        }
        """);

    [Fact]
    public Task Default_fix() => Verify.GeneratorFix<Dials.CodeFixes.MoveDefaultIntoRangeCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.9;
        }
        """, "DIALS016", "0.9", """
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.5;
        }
        """);
}
