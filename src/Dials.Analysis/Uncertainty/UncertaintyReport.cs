namespace Dials.Analysis;

/// <summary>Whether a study's winner is real or noise: the spread of the top configurations' scores and warnings.</summary>
/// <param name="Top">The best configurations, best first, with the spread of their scores.</param>
/// <param name="Noise">The typical standard deviation of one sample (one fold's score, or one repeat's value), pooled over
/// the configurations with more than one sample; null when no configuration has more than one.</param>
/// <param name="SelectionBias">How much better than its true score the best one is expected to look after this many
/// complete trials against one validation set: about <c>s * sqrt(2 ln n)</c>, where s is the noise of one trial's value
/// (<see cref="Noise"/> for repeats, <see cref="Noise"/> / sqrt(k) for a mean over k folds); null without a noise
/// estimate.</param>
/// <param name="Warnings">What to be careful of, most serious first.</param>
public sealed record UncertaintyReport(
    IReadOnlyList<ConfigurationSpread> Top,
    double? Noise,
    double? SelectionBias,
    IReadOnlyList<UncertaintyWarning> Warnings);

/// <summary>One configuration's scores.</summary>
/// <param name="TrialNumbers">The complete trials that evaluated it (several when it was repeated).</param>
/// <param name="Parameters">Its active parameters by dimension name, as text.</param>
/// <param name="Mean">The mean of its samples.</param>
/// <param name="StandardDeviation">Their sample standard deviation; 0 for a single sample.</param>
/// <param name="Samples">How many samples: folds, repeats, or 1.</param>
/// <param name="Source">What the samples are.</param>
/// <param name="Scores">The samples themselves (fold scores in fold order, or the repeats' values in trial order);
/// empty when not kept.</param>
public sealed record ConfigurationSpread(
    IReadOnlyList<int> TrialNumbers,
    IReadOnlyDictionary<string, string> Parameters,
    double Mean,
    double StandardDeviation,
    int Samples,
    SpreadSource Source,
    IReadOnlyList<double>? Scores = null)
{
    /// <summary>The standard error of <see cref="Mean"/>; 0 for a single sample.</summary>
    public double StandardError => Samples > 1 ? StandardDeviation / Math.Sqrt(Samples) : 0;
}

/// <summary>What a configuration's samples are.</summary>
public enum SpreadSource
{
    /// <summary>One value: no spread known.</summary>
    Single,

    /// <summary>Cross-validation folds of one trial.</summary>
    Folds,

    /// <summary>Several complete trials of the same point.</summary>
    Repeats,
}

/// <summary>A caution about a study's result.</summary>
/// <param name="Kind">What kind of caution.</param>
/// <param name="Message">It in a sentence, with the figures.</param>
public sealed record UncertaintyWarning(UncertaintyWarningKind Kind, string Message);

/// <summary>Kinds of <see cref="UncertaintyWarning"/>.</summary>
public enum UncertaintyWarningKind
{
    /// <summary>The best configuration is within noise of the runner-up: the ranking may be luck.</summary>
    WithinNoise,

    /// <summary>So many trials were scored against one validation set that the best score is optimistically biased.</summary>
    ValidationOverfit,

    /// <summary>No configuration has more than one sample, so the noise is unknown.</summary>
    NoSpread,
}
