namespace Dials.ML.Trainers;

/// <summary>The columns and run settings a trainer record needs besides its hyperparameters.</summary>
/// <param name="Label">The label column.</param>
/// <param name="Features">The feature vector column.</param>
/// <param name="Seed">Seeds the trainer's own randomness (bagging, feature sampling), so a trial is repeatable.</param>
/// <param name="Threads">Threads one model may train with (ML.NET's <c>NumberOfThreads</c>); null leaves each trainer
/// its own default (usually every core). <see cref="TrainerThreads.PerModel"/> is what a study should pass.</param>
public sealed record TrainerColumns(string Label = "Label", string Features = "Features", int Seed = 0, int? Threads = null)
{
    /// <summary>Threads one model may train with; null for each trainer's own default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or fewer.</exception>
    public int? Threads { get; init; } = Threads is null or > 0
        ? Threads
        : throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "A trainer needs at least one thread.");
}
