using Dials.CodeFixes;

namespace Dials.Analyzers.Tests;

/// <summary>
/// Fix All of every code fix: several diagnostics in one document and across documents, fixed in one pass (the testing
/// library also applies them one by one and checks both give the same code).
/// </summary>
public class FixAllTests
{
    [Fact]
    public Task Learning_rate_ranges_are_all_ended_at_one() => Verify.FixAll<CapLearningRateRangeCodeFix>(
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [{|DIALS101:FloatRange(1e-4, 10, Log = true)|}] public double LearningRate { get; init; } = 1e-2;
                [{|DIALS101:FloatRange(1e-5, 3, Log = true)|}] public double HeadLr { get; init; } = 1e-3;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [{|DIALS101:FloatRange(0.001, 2, Log = true)|}] public double Eta { get; init; } = 0.01;
            }
            """,
        ],
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-2;
                [FloatRange(1e-5, 1, Log = true)] public double HeadLr { get; init; } = 1e-3;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [FloatRange(0.001, 1, Log = true)] public double Eta { get; init; } = 0.01;
            }
            """,
        ]);

    [Fact]
    public Task Wide_ranges_are_all_sampled_on_a_log_scale() => Verify.FixAll<UseLogScaleCodeFix>(
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [{|DIALS102:FloatRange(1, 10000)|}] public double Scale { get; init; } = 5;
                [{|DIALS102:IntRange(1, 1000, Log = false)|}] public int Trees { get; init; } = 50;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [{|DIALS102:FloatRange(0.01, 100)|}] public double Strength { get; init; } = 1;
            }
            """,
        ],
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(1, 10000, Log = true)] public double Scale { get; init; } = 5;
                [IntRange(1, 1000, Log = true)] public int Trees { get; init; } = 50;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [FloatRange(0.01, 100, Log = true)] public double Strength { get; init; } = 1;
            }
            """,
        ]);

    [Fact]
    public Task Batch_ranges_all_become_powers_of_two_with_their_own_bounds_and_defaults() => Verify.FixAll<UsePowerOfTwoCodeFix>(
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [{|DIALS106:IntRange(16, 256)|}] public int BatchSize { get; init; } = 64;
                [{|DIALS106:IntRange(10, 100)|}] public int EvalBatchSize { get; init; } = 50;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [{|DIALS106:IntRange(20, 200)|}] public long MinibatchSize { get; init; } = 32;
            }
            """,
        ],
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 64;
                [PowerOfTwo(8, 128)] public int EvalBatchSize { get; init; } = 64;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [PowerOfTwo(16, 256)] public long MinibatchSize { get; init; } = 32;
            }
            """,
        ]);

    /// <summary>
    /// The fixes interact: both records' fixes make their shared container partial. Asked for as dotnet format asks
    /// (no equivalence key), which the batch fixer answered with nothing.
    /// </summary>
    [Fact]
    public Task Types_and_their_shared_container_are_all_made_partial() => Verify.DeclarationFixAll<MakePartialCodeFix>(
        [
            """
            public static class Experiments
            {
                [Hyperparameters]
                public record First
                {
                    [IntRange(1, 8)] public int Depth { get; init; } = 2;
                }

                [Hyperparameters]
                public sealed record Second
                {
                    [IntRange(1, 8)] public int Width { get; init; } = 2;
                }
            }
            """,
            """
            [Hyperparameters]
            class Solo
            {
                [IntRange(1, 8)] public int Depth { get; set; } = 2;
            }
            """,
        ],
        "DIALS001",
        [
            """
            public static partial class Experiments
            {
                [Hyperparameters]
                public partial record First
                {
                    [IntRange(1, 8)] public int Depth { get; init; } = 2;
                }

                [Hyperparameters]
                public sealed partial record Second
                {
                    [IntRange(1, 8)] public int Width { get; init; } = 2;
                }
            }
            """,
            """
            [Hyperparameters]
            partial class Solo
            {
                [IntRange(1, 8)] public int Depth { get; set; } = 2;
            }
            """,
        ]);

    [Fact]
    public Task Defaults_are_all_moved_into_their_ranges() => Verify.DeclarationFixAll<MoveDefaultIntoRangeCodeFix>(
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.9;
                [PowerOfTwo(16, 256)] public int Width { get; init; } = 100;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [Choice("adam", "sgd")] public string Optimizer { get; init; } = "lion";
            }
            """,
        ],
        "DIALS016",
        [
            """
            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.5;
                [PowerOfTwo(16, 256)] public int Width { get; init; } = 128;
            }
            """,
            """
            [Hyperparameters]
            public partial record Other
            {
                [Choice("adam", "sgd")] public string Optimizer { get; init; } = "adam";
            }
            """,
        ]);
}
