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

    /// <summary>
    /// The property that drew opposite advice: DIALS112 said to extend the range past 10, DIALS101 to end it at 1. The
    /// default itself is what DIALS100 calls wrong, so the boundary rule gives way and every remark points down.
    /// </summary>
    [Fact]
    public Task Learning_rate_default_at_a_top_past_one_is_told_only_to_come_down() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS101:FloatRange(1e-4, 10, Log = true)|}] public double LearningRate { get; init; } = {|DIALS100:10|};
        }
        """);

    [Fact]
    public Task Learning_rate_default_at_a_top_of_one_is_not_told_to_extend_past_one() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = {|DIALS100:1|};
        }
        """);

    [Theory]
    [InlineData("[FloatRange(0.1, 0.8)] public double Dropout { get; init; } = {|DIALS104:0.8|};")]
    [InlineData("[FloatRange(0.01, 0.5)] public double WeightDecay { get; init; } = {|DIALS105:0.5|};")]
    [InlineData("[{|DIALS111:FloatRange(0.5, 3)|}] public double Temperature { get; init; } = {|DIALS111:3|};")]
    [InlineData("[FloatRange(1e-8, 1e-2, Log = true)] public double Lr { get; init; } = {|DIALS100:1e-8|};")]
    public Task A_default_another_rule_calls_wrong_is_not_told_to_extend_the_range(string property) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            {{property}}
        }
        """);
}
