namespace Dials.Analyzers.Tests;

public class EarlyStoppingTests
{
    [Fact]
    public Task Many_epochs_by_default_without_patience_are_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public int Epochs { get; init; } = {|DIALS109:200|};
        }
        """);

    [Fact]
    public Task Epoch_range_reaching_many_epochs_without_patience_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            [{|DIALS109:IntRange(10, 300, Step = 10)|}] public int NumEpochs { get; init; } = 50;
        }
        """);

    [Theory]
    [InlineData("public int Patience { get; init; } = 10;")]
    [InlineData("public int EarlyStoppingRounds { get; init; } = 50;")]
    [InlineData("public bool EarlyStopping { get; init; } = true;")]
    public Task Many_epochs_with_early_stopping_are_not_flagged(string patience) => Verify.Analyzer($$"""
        [Hyperparameters]
        public partial record Config
        {
            public int Epochs { get; init; } = 200;
            {{patience}}
        }
        """);

    [Fact]
    public Task Patience_in_a_nested_type_counts() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Stopping
        {
            [IntRange(2, 20)] public int Patience { get; init; } = 5;
        }

        [Hyperparameters]
        public partial record Config
        {
            public int MaxEpochs { get; init; } = 500;
            public Stopping Stopping { get; init; } = new();
        }
        """);

    [Fact]
    public Task Few_epochs_are_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Config
        {
            public int Epochs { get; init; } = 20;
        }
        """);
}
