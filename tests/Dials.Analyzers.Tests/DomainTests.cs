namespace Dials.Analyzers.Tests;

public class DomainTests
{
    [Theory]
    [InlineData("Dropout", "1.0")]
    [InlineData("AttentionDropout", "-0.1")]
    [InlineData("LabelSmoothing", "1.0")]
    [InlineData("TopP", "1.5")]
    [InlineData("Momentum", "1.0")]
    [InlineData("AdamBeta2", "1.0")]
    [InlineData("beta_1", "1.2")]
    [InlineData("DiscountFactor", "0")]
    [InlineData("Discount", "1.01")]
    [InlineData("L2", "-0.001")]
    [InlineData("RegLambda", "-1")]
    [InlineData("Temperature", "-0.5")]
    public Task Default_outside_the_domain_is_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {|DIALS103:{{value}}|};
        }
        """);

    [Theory]
    [InlineData("Dropout", "0")]
    [InlineData("LabelSmoothing", "0.1")]
    [InlineData("TopP", "1.0")]
    [InlineData("Momentum", "0.9")]
    [InlineData("Beta2", "0.999")]
    [InlineData("DiscountFactor", "0.99")]
    [InlineData("Lambda", "1.0")] // XGBoost's default L2 strength
    [InlineData("Temperature", "0")]
    [InlineData("Gamma", "2.0")] // focal loss / XGBoost gamma, not a discount factor
    [InlineData("Beta", "4.0")] // beta-VAE, not Adam's beta
    public Task Values_inside_the_domain_and_ambiguous_names_are_not_flagged(string name, string value) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public double {{name}} { get; init; } = {{value}};
        }
        """);

    [Fact]
    public Task Range_bound_outside_the_domain_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS103:FloatRange(0.0, 1.0)|}] public double Dropout { get; init; } = 0.1;
            [{|DIALS103:FloatRange(0.8, 1.0)|}] public double Momentum { get; init; } = 0.9;
        }
        """);

    [Fact]
    public Task Choice_outside_the_domain_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS103:Choice(0.9, 0.99, 1.1)|}] public double Gamma_Discount { get; init; } = 0.99;
        }
        """);

    [Fact]
    public Task Ranges_inside_the_domain_are_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(0.0, 0.5)] public double Dropout { get; init; } = 0.1;
            [FloatRange(0.8, 0.99)] public double Momentum { get; init; } = 0.9;
            [FloatRange(0.5, 1.0)] public double TopP { get; init; } = 0.9;
        }
        """);
}
