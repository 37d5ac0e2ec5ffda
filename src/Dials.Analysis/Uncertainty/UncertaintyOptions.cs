namespace Dials.Analysis;

/// <summary>Settings of <see cref="Uncertainty.Evaluate"/>.</summary>
public sealed class UncertaintyOptions
{
    /// <summary>How many of the best configurations to report; 5 by default.</summary>
    public int Top { get; init; } = 5;

    /// <summary>When the study's trials were cross-validated with this many folds, reporting the running mean after each
    /// fold (as <c>Dials.ML</c>'s cross-validated objective does), the last this-many intermediate values of a complete
    /// trial are unwound into its fold scores. Null (the default) when trials report no folds.</summary>
    public int? FoldsPerTrial { get; init; }

    /// <summary>From this many complete trials on, a warning says the validation set may be overfitted by selection
    /// even without a noise estimate; 100 by default.</summary>
    public int ManyTrials { get; init; } = 100;
}
