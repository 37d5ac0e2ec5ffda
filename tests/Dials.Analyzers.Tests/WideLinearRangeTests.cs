using Dials.CodeFixes;

namespace Dials.Analyzers.Tests;

public class WideLinearRangeTests
{
    [Fact]
    public Task Float_range_over_four_decades_on_a_linear_scale_is_fixed_with_log() => Verify.Fix<UseLogScaleCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS102:FloatRange(1e-5, 0.1)|}] public double LearningRate { get; init; } = 1e-3;
        }
        """, """
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-5, 0.1, Log = true)] public double LearningRate { get; init; } = 1e-3;
        }
        """);

    [Fact]
    public Task Explicit_log_false_is_switched_to_true() => Verify.Fix<UseLogScaleCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS102:FloatRange(1e-6, 1e-2, Log = false)|}] public double WeightDecay { get; init; } = 1e-4;
        }
        """, """
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-6, 1e-2, Log = true)] public double WeightDecay { get; init; } = 1e-4;
        }
        """);

    [Fact]
    public Task Wide_integer_range_is_fixed_with_log() => Verify.Fix<UseLogScaleCodeFix>("""
        [Hyperparameters]
        public partial record Forest
        {
            [{|DIALS102:IntRange(10, 2000)|}] public int NumTrees { get; init; } = 200;
        }
        """, """
        [Hyperparameters]
        public partial record Forest
        {
            [IntRange(10, 2000, Log = true)] public int NumTrees { get; init; } = 200;
        }
        """);

    [Theory]
    [InlineData("[FloatRange(1e-5, 0.1, Log = true)] public double LearningRate { get; init; } = 1e-3;")] // already log
    [InlineData("[FloatRange(0.01, 0.5)] public double Subsample { get; init; } = 0.1;")] // 1.7 decades
    [InlineData("[FloatRange(0, 0.1)] public double WeightDecay { get; init; } = 0.01;")] // 0 cannot be log-scaled
    [InlineData("[FloatRange(0.001, 1, Step = 0.001)] public double Ratio { get; init; } = 0.5;")] // a deliberate grid
    [InlineData("[IntRange(10, 2000, Step = 10)] public int NumTrees { get; init; } = 200;")] // a deliberate grid
    public Task Log_ranges_narrow_ranges_and_grids_are_not_flagged(string property) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            {{property}}
        }
        """);
}
