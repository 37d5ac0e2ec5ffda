using Dials;

namespace Annotated;

/// <summary>An image classifier's training settings, with the mistakes reviewers most often catch.</summary>
[Hyperparameters]
public partial record Classifier
{
    /// <summary>DIALS100: a learning rate of 1 diverges. DIALS108: fixed while the batch size is tuned.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>DIALS102: four decades sampled linearly; the code fix sets Log = true.</summary>
    [FloatRange(1e-6, 1e-2)]
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>DIALS104: dropping 80% of the units starves the next layer.</summary>
    public double Dropout { get; init; } = 0.8;

    /// <summary>DIALS106: every integer from 16 to 512; the code fix turns it into [PowerOfTwo(16, 512)].</summary>
    [IntRange(16, 512)]
    public int BatchSize { get; init; } = 64;

    /// <summary>DIALS109: 300 epochs and nothing that stops early.</summary>
    public int Epochs { get; init; } = 300;
}
