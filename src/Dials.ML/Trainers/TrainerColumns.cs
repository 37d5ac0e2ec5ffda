namespace Dials.ML.Trainers;

/// <summary>The columns and run settings a trainer record needs besides its hyperparameters.</summary>
/// <param name="Label">The label column.</param>
/// <param name="Features">The feature vector column.</param>
/// <param name="Seed">Seeds the trainer's own randomness (bagging, feature sampling), so a trial is repeatable.</param>
public sealed record TrainerColumns(string Label = "Label", string Features = "Features", int Seed = 0);
