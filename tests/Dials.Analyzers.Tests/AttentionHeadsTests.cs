namespace Dials.Analyzers.Tests;

public class AttentionHeadsTests
{
    [Fact]
    public Task Default_embedding_not_divisible_by_default_heads_is_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Transformer
        {
            public int EmbeddingDim { get; init; } = {|DIALS110:100|};
            public int NumHeads { get; init; } = 8;
        }
        """);

    [Fact]
    public Task Searched_values_that_can_meet_indivisibly_are_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Transformer
        {
            [{|DIALS110:Choice(256, 384, 512)|}] public int DModel { get; init; } = 256;
            [Choice(4, 8, 12)] public int NHead { get; init; } = 8;
        }
        """);

    [Fact]
    public Task Divisible_combinations_are_not_flagged() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Transformer
        {
            [PowerOfTwo(128, 1024)] public int HiddenSize { get; init; } = 256;
            [Choice(2, 4, 8)] public int NumAttentionHeads { get; init; } = 8;
        }

        [Hyperparameters]
        public partial record Mlp
        {
            public int HiddenSize { get; init; } = 100; // no heads: not an attention model
        }
        """);

    [Fact]
    public Task Heads_declared_in_the_outer_type_are_flagged_there() => Verify.Analyzer("""
        [Hyperparameters]
        public partial record Embedding
        {
            public int EmbedDim { get; init; } = 96;
        }

        [Hyperparameters]
        public partial record Model
        {
            public Embedding Embedding { get; init; } = new();
            [{|DIALS110:Choice(4, 5)|}] public int Heads { get; init; } = 4;
        }
        """);
}
