namespace Dials.Generators.Analyzers.Names
{
    /// <summary>What a property is recognised as, from its name (see <see cref="RoleAliases"/>).</summary>
    internal enum HyperparameterRole
    {
        LearningRate,
        BatchSize,
        Epochs,
        EarlyStoppingPatience,
        Dropout,
        LabelSmoothing,
        TopP,
        Momentum,
        DiscountFactor,
        WeightDecay,
        Regularization,
        Temperature,
        EmbeddingDimension,
        AttentionHeads,
    }
}
