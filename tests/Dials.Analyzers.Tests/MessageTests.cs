using Dials.Generators.Analyzers;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Dials.Analyzers.Tests;

/// <summary>The numbers in messages are the ones the developer needs to act on.</summary>
public class MessageTests
{
    [Fact]
    public Task Wide_range_message_gives_decades_and_the_share_of_the_top_decade() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|#0:FloatRange(1e-5, 0.1)|}] public double LearningRate { get; init; } = 1e-3;
        }
        """, new DiagnosticResult(DiagnosticDescriptors.WideLinearRange).WithLocation(0).WithArguments("LearningRate", "1e-5", "0.1", "4", "90"));

    [Fact]
    public Task Domain_message_names_the_interval_and_the_offending_bound() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|#0:FloatRange(0.0, 1.0)|}] public double Dropout { get; init; } = 0.1;
        }
        """, new DiagnosticResult(DiagnosticDescriptors.OutsideDomain).WithLocation(0)
            .WithArguments("Dropout", "dropout probability", "[0, 1)", "high bound", "1"));

    [Fact]
    public Task Power_of_two_message_gives_the_suggested_bounds() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|#0:IntRange(10, 100)|}] public int BatchSize { get; init; } = 32;
        }
        """, new DiagnosticResult(DiagnosticDescriptors.BatchSizeNotPowerOfTwo).WithLocation(0).WithArguments("BatchSize", "10", "100", "8", "128"));

    [Fact]
    public Task Heads_message_gives_the_failing_pair() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|#0:Choice(256, 384)|}] public int EmbedDim { get; init; } = 384;
            [Choice(6, 8)] public int Heads { get; init; } = 6;
        }
        """, new DiagnosticResult(DiagnosticDescriptors.HeadsDoNotDivideEmbedding).WithLocation(0)
            .WithArguments("EmbedDim", "256", "Heads", "6", "a configuration the search can try"));

    [Fact]
    public Task Nested_properties_are_named_by_their_dotted_path() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Optimizer
        {
            public double Lr { get; init; } = 1e-3;
        }

        [Hyperparameters]
        public partial record Config
        {
            [{|#0:PowerOfTwo(16, 256)|}] public int BatchSize { get; init; } = 64;
            public Optimizer Optimizer { get; init; } = new();
        }
        """, new DiagnosticResult(DiagnosticDescriptors.BatchSizeTunedLearningRateFixed).WithLocation(0).WithArguments("BatchSize", "Optimizer.Lr"));

    [Fact]
    public Task Float_defaults_are_shown_as_written() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public float LearningRate { get; init; } = {|#0:1e-7f|};
        }
        """, new DiagnosticResult(DiagnosticDescriptors.LearningRateDefault).WithLocation(0)
            .WithArguments("LearningRate", "1e-7", "at or below 1e-6, where the weights barely move in any realistic budget; usual defaults are 1e-4 to 0.1"));
}
