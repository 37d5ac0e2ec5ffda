namespace Dials.Analyzers.Tests;

public class BoundaryDefaultTests
{
    [Fact]
    public Task Default_at_the_high_end_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-4, 1e-2, Log = true)] public double LearningRate { get; init; } = {|DIALS112:1e-2|};
        }
        """);

    [Fact]
    public Task Default_at_the_low_end_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [PowerOfTwo(32, 512)] public int Width { get; init; } = {|DIALS112:32|};
        }
        """);

    [Theory]
    [InlineData("[FloatRange(1e-4, 1e-2, Log = true)] public double LearningRate { get; init; } = 1e-3;")]
    [InlineData("[FloatRange(0.0, 0.5)] public double Dropout { get; init; } = 0.0;")] // 0 is "off"
    [InlineData("[FloatRange(0.5, 1.0)] public double TopP { get; init; } = 1.0;")] // no top-p above 1
    [InlineData("[Choice(32, 64)] public int Width { get; init; } = 32;")] // a list has no ends
    [InlineData("public int Depth { get; init; } = 4;")] // not tuned
    public Task Inner_zero_domain_end_and_untuned_defaults_are_not_flagged(string property) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            {{property}}
        }
        """);
}
