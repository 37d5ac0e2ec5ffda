namespace Dials.Analysis.Tests;

/// <summary>Two possible configurations, so a study of several trials must repeat points (as re-running the best
/// configurations with other seeds does).</summary>
[Hyperparameters]
public partial record SeedRepeatConfig
{
    /// <summary>The only knob, with two values.</summary>
    [IntRange(1, 2)]
    public int Level { get; init; } = 1;
}
