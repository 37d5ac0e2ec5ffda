using Dials.CodeFixes;

namespace Dials.Analyzers.Tests;

public class BatchSizeTests
{
    [Fact]
    public Task Integer_batch_range_is_replaced_by_powers_of_two() => Verify.Fix<UsePowerOfTwoCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS106:IntRange(16, 256)|}] public int BatchSize { get; init; } = 64;
            [FloatRange(1e-4, 1e-2, Log = true)] public double LearningRate { get; init; } = 1e-3;
        }
        """, """
        [Hyperparameters]
        public partial record Config
        {
            [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 64;
            [FloatRange(1e-4, 1e-2, Log = true)] public double LearningRate { get; init; } = 1e-3;
        }
        """);

    [Fact]
    public Task Bounds_and_default_move_to_the_nearest_powers_of_two() => Verify.Fix<UsePowerOfTwoCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS106:Dials.IntRange(10, 100)|}] public long batch_size { get; init; } = 50;
        }
        """, """
        [Hyperparameters]
        public partial record Config
        {
            [Dials.PowerOfTwo(8, 128)] public long batch_size { get; init; } = 64;
        }
        """);

    [Fact]
    public Task Power_of_two_and_choice_batch_sizes_are_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [PowerOfTwo(16, 512)] public int BatchSize { get; init; } = 64;
            [Choice(32, 48, 64)] public int EvalBatchSize { get; init; } = 32;
            [IntRange(1, 8)] public int NumLayers { get; init; } = 4;
        }
        """);

    [Fact]
    public Task Batch_of_one_with_a_large_learning_rate_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public int BatchSize { get; init; } = {|DIALS107:1|};
            public double LearningRate { get; init; } = 0.1;
        }
        """);

    [Theory]
    [InlineData("1", "1e-3")] // online learning with a small step is fine
    [InlineData("32", "0.1")]
    public Task Batch_of_one_with_a_small_rate_or_a_real_batch_is_not_flagged(string batch, string rate) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public int BatchSize { get; init; } = {{batch}};
            public double LearningRate { get; init; } = {{rate}};
        }
        """);

    [Fact]
    public Task Tuned_batch_size_with_a_fixed_learning_rate_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS108:PowerOfTwo(16, 256)|}] public int BatchSize { get; init; } = 64;
            public double LearningRate { get; init; } = 1e-3;
        }
        """);

    [Fact]
    public Task Fixed_learning_rate_in_a_nested_type_counts() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Optimizer
        {
            public double Lr { get; init; } = 1e-3;
        }

        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS108:PowerOfTwo(16, 256)|}] public int BatchSize { get; init; } = 64;
            public Optimizer Optimizer { get; init; } = new();
        }
        """);

    [Fact]
    public Task Batch_size_tuned_with_the_learning_rate_or_without_one_is_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Tuned
        {
            [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 64;
            [FloatRange(1e-4, 1e-2, Log = true)] public double LearningRate { get; init; } = 1e-3;
        }

        [Hyperparameters]
        public partial record NoRate
        {
            [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 64;
        }
        """);
}
