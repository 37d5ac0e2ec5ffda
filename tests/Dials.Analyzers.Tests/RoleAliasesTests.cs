using Dials.Generators.Analyzers.Names;

namespace Dials.Analyzers.Tests;

/// <remarks>Roles are passed by name: the enum is internal to the analyzers and cannot appear in public test signatures.</remarks>
public class RoleAliasesTests
{
    [Theory]
    [InlineData("BaseLearningRate", "base learning rate")]
    [InlineData("base_learning_rate", "base learning rate")]
    [InlineData("baseLR", "base lr")]
    [InlineData("LRSchedule", "lr schedule")]
    [InlineData("AdamBeta1", "adam beta1")]
    [InlineData("adam_beta_1", "adam beta1")]
    [InlineData("L2Reg", "l2 reg")]
    [InlineData("NEmbd", "n embd")]
    [InlineData("Plural", "plural")]
    public void Names_split_into_lower_case_words(string name, string words) =>
        Assert.Equal(words, string.Join(" ", NameTokens.Of(name)));

    [Theory]
    [InlineData("LearningRate", "LearningRate")]
    [InlineData("PolicyLr", "LearningRate")]
    [InlineData("eta", "LearningRate")]
    [InlineData("HiddenDropoutProb", "Dropout")]
    [InlineData("label_smoothing", "LabelSmoothing")]
    [InlineData("TopP", "TopP")]
    [InlineData("Beta2", "Momentum")]
    [InlineData("DiscountFactor", "DiscountFactor")]
    [InlineData("RegAlpha", "Regularization")]
    [InlineData("Temperature", "Temperature")]
    public void Real_valued_names_are_recognised(string name, string role) =>
        Assert.Contains(Enum.Parse<HyperparameterRole>(role), RoleAliases.RolesOf(name, isInteger: false, isReal: true));

    [Theory]
    [InlineData("per_device_train_batch_size", "BatchSize")]
    [InlineData("MaxEpochs", "Epochs")]
    [InlineData("EarlyStoppingRounds", "EarlyStoppingPatience")]
    [InlineData("d_model", "EmbeddingDimension")]
    [InlineData("num_attention_heads", "AttentionHeads")]
    public void Integer_names_are_recognised(string name, string role) =>
        Assert.Contains(Enum.Parse<HyperparameterRole>(role), RoleAliases.RolesOf(name, isInteger: true, isReal: false));

    [Theory]
    [InlineData("LearningRateDecay")] // the head word is "decay"
    [InlineData("MinLearningRate")] // a schedule's floor
    [InlineData("FinalLr")]
    [InlineData("Plural")]
    [InlineData("Gamma")] // ambiguous: RL discount, XGBoost split penalty, focal-loss exponent
    [InlineData("Beta")] // ambiguous: Adam momentum, beta-VAE weight
    [InlineData("KeepProb")] // the complement of dropout
    public void Ambiguous_and_qualified_names_have_no_role(string name) =>
        Assert.Empty(RoleAliases.RolesOf(name, isInteger: false, isReal: true));

    [Fact]
    public void Roles_depend_on_the_property_type()
    {
        Assert.Empty(RoleAliases.RolesOf("StepSize", isInteger: true, isReal: false)); // StepLR's epochs between decays
        Assert.Empty(RoleAliases.RolesOf("BatchSize", isInteger: false, isReal: true));
    }
}
