namespace Dials.Generators.Tests;

/// <summary>The generated source of representative records, compared with reviewed snapshots in __snapshots__.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Ranges_choices_and_log_scales() => MatchGenerated("""
        using Dials;
        namespace Training;
        public enum Optimizer { Sgd, Adam, AdamW }
        [Hyperparameters]
        public partial record TrainingConfig
        {
            [FloatRange(1e-5, 1e-1, Log = true)] public double LearningRate { get; init; } = 1e-3;
            [PowerOfTwo(16, 512)] public int BatchSize { get; init; } = 64;
            [IntRange(1, 100, Step = 3)] public int Epochs { get; init; } = 10;
            [FloatRange(0, 0.5, Step = 0.05)] public float Dropout { get; init; } = 0.1f;
            [Choice] public Optimizer Optimizer { get; init; } = Optimizer.Adam;
            [Choice("relu", "gelu")] public string Activation { get; init; } = "relu";
            [Choice] public bool UseBias { get; init; } = true;
            public string RunName { get; init; } = "untuned";
        }
        """);

    [Fact]
    public void Conditional_and_nested_record_struct_in_a_containing_class() => MatchGenerated("""
        using Dials;
        namespace Training;
        public static partial class Models
        {
            [Hyperparameters]
            public partial record struct Schedule
            {
                public Schedule() { }
                [Choice("constant", "cosine")] public string Kind { get; init; } = "constant";
                [IntRange(0, 1000, Step = 100), When(nameof(Kind), "cosine")] public long WarmupSteps { get; init; } = 100;
            }

            [Hyperparameters]
            public partial class Network
            {
                [Choice("sgd", "adam")] public string Optimizer { get; set; } = "sgd";
                [FloatRange(0, 0.99), When(nameof(Optimizer), "sgd")] public double Momentum { get; set; } = 0.9;
                [When(nameof(Optimizer), "adam")] public Schedule Schedule { get; set; } = new();
            }
        }
        """);

    private static void MatchGenerated(string source, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshots.Match(string.Join("\n// ----\n", run.Sources), test: test);
    }
}
