namespace Dials.Analyzers.Tests;

public class TemperatureTests
{
    [Fact]
    public Task Default_above_two_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Sampling
        {
            public double Temperature { get; init; } = {|DIALS111:3.0|};
        }
        """);

    [Fact]
    public Task Range_above_two_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Sampling
        {
            [{|DIALS111:FloatRange(0.1, 5.0)|}] public double SamplingTemperature { get; init; } = 0.7;
        }
        """);

    [Theory]
    [InlineData("public double Temperature { get; init; } = 0.7;")]
    [InlineData("[FloatRange(0, 2)] public double Temperature { get; init; } = 1.0;")]
    [InlineData("public double DistillationTemperature { get; init; } = 4.0;")] // Hinton et al. use T of 2 to 20
    [InlineData("public double InitialTemperature { get; init; } = 100;")] // simulated annealing starts hot
    public Task Usual_and_large_by_design_temperatures_are_not_flagged(string property) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Sampling
        {
            {{property}}
        }
        """);
}
