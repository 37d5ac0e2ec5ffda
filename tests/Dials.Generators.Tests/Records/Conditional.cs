namespace Dials.Generators.Tests.Records;

[Hyperparameters]
public partial record Schedule
{
    [Choice("constant", "cosine")]
    public string Kind { get; init; } = "constant";

    [IntRange(0, 1000, Step = 100), When(nameof(Kind), "cosine")]
    public int WarmupSteps { get; init; } = 100;
}

/// <summary>Conditional dimensions, a conditional nested record, and a class (decoded with <c>new</c>, not <c>with</c>).</summary>
[Hyperparameters]
public partial class Network
{
    [Choice("sgd", "adam")]
    public string Optimizer { get; set; } = "sgd";

    [FloatRange(0, 0.99), When(nameof(Optimizer), "sgd")]
    public double Momentum { get; set; } = 0.9;

    [When(nameof(Optimizer), "adam")]
    public Schedule Schedule { get; set; } = new() { Kind = "cosine", WarmupSteps = 200 };

    [IntRange(1, 8)]
    public int Layers { get; set; } = 2;
}
