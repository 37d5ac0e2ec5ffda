namespace Dials.Analysis;

/// <summary>Settings of <see cref="ParameterImportance.Evaluate"/>.</summary>
public sealed class ImportanceOptions
{
    /// <summary>How to compute importances; <see cref="ImportanceMethod.Auto"/> by default.</summary>
    public ImportanceMethod Method { get; init; } = ImportanceMethod.Auto;

    /// <summary>Under <see cref="ImportanceMethod.Auto"/>, the fewest complete trials for fANOVA; below it the fast
    /// method is used. 20 by default.</summary>
    public int MinTrialsForFanova { get; init; } = 20;

    /// <summary>Trees in the random-forest surrogate; 64 by default, as Optuna's evaluator.</summary>
    public int Trees { get; init; } = 64;

    /// <summary>Seed of the surrogate's bootstrap and feature draws, so an analysis can be repeated exactly.</summary>
    public int Seed { get; init; }
}
