namespace Dials.Analyzers.Tests;

public class DefaultAboveTests
{
    [Theory]
    [InlineData("Dropout", "0.6")]
    [InlineData("HiddenDropoutProb", "0.9")]
    [InlineData("DropRate", "0.75")]
    public Task Dropout_above_one_half_is_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {|DIALS104:{{value}}|};
        }
        """);

    [Theory]
    [InlineData("0.5")] // Srivastava et al.'s recommendation for hidden units
    [InlineData("0.1")]
    public Task Dropout_up_to_one_half_is_not_flagged(string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double Dropout { get; init; } = {{value}};
        }
        """);

    [Fact]
    public Task Dropout_of_one_is_reported_once_as_outside_its_domain() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public double Dropout { get; init; } = {|DIALS103:1.0|};
        }
        """);

    [Theory]
    [InlineData("WeightDecay", "0.5")]
    [InlineData("weight_decay", "1")]
    [InlineData("Wd", "0.2")]
    public Task Weight_decay_above_a_tenth_is_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {|DIALS105:{{value}}|};
        }
        """);

    [Theory]
    [InlineData("WeightDecay", "0.1")] // GPT-3's AdamW setting
    [InlineData("WeightDecay", "1e-4")]
    [InlineData("L2", "1.0")] // an L2 strength is on another scale (XGBoost's lambda defaults to 1)
    public Task Usual_weight_decay_and_other_penalties_are_not_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {{value}};
        }
        """);
}
