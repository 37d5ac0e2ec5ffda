using System.Globalization;

namespace Dials.Analysis;

/// <summary>The cautions an <see cref="UncertaintyReport"/> carries, most serious first, each a sentence with figures.</summary>
internal static class UncertaintyWarnings
{
    private const string HeldOutAdvice = "Confirm the winner on held-out data touched once.";

    /// <summary>The warnings a ranking calls for: within noise, validation overfit, no spread, in that order.</summary>
    /// <param name="ranked">Every configuration, best first.</param>
    /// <param name="noise">The pooled standard deviation of one score, or null when unknown.</param>
    /// <param name="selectionBias">The expected optimism of the best score, or null when the noise is unknown.</param>
    /// <param name="completeTrials">How many complete trials were scored against the validation set.</param>
    /// <param name="manyTrials">From this many complete trials on, selection alone earns a warning.</param>
    public static IReadOnlyList<UncertaintyWarning> For(IReadOnlyList<ConfigurationSpread> ranked, double? noise,
        double? selectionBias, int completeTrials, int manyTrials)
    {
        var warnings = new List<UncertaintyWarning>();
        double? lead = ranked.Count > 1 ? Math.Abs(ranked[0].Mean - ranked[1].Mean) : null;

        if (lead is { } gap && CombinedStandardError(ranked[0], ranked[1], noise) is { } error && gap < error)
        {
            warnings.Add(new UncertaintyWarning(UncertaintyWarningKind.WithinNoise,
                $"The best configuration ({Trials(ranked[0])}, mean {Figure(ranked[0].Mean)}) leads the runner-up " +
                $"({Trials(ranked[1])}, mean {Figure(ranked[1].Mean)}) by {Figure(gap)}, less than the " +
                $"standard error of that difference, {Figure(error)}: the ranking may be luck."));
        }

        if (lead is { } margin && selectionBias is { } bias && bias > margin)
        {
            warnings.Add(new UncertaintyWarning(UncertaintyWarningKind.ValidationOverfit,
                $"{completeTrials} trials were scored against one validation set: by selection alone the best score is " +
                $"expected to look about {Figure(bias)} better than it truly is, more than its {Figure(margin)} lead over " +
                $"the runner-up. {HeldOutAdvice}"));
        }
        else if (completeTrials >= manyTrials)
        {
            warnings.Add(new UncertaintyWarning(UncertaintyWarningKind.ValidationOverfit,
                $"{completeTrials} trials were scored against one validation set (warning from {manyTrials} on), so the " +
                $"best score is optimistically biased by the selection itself. {HeldOutAdvice}"));
        }

        if (noise is null)
        {
            warnings.Add(new UncertaintyWarning(UncertaintyWarningKind.NoSpread,
                $"None of the {ranked.Count} configurations has more than one score, so the noise is unknown and the " +
                "ranking cannot be judged: re-run the top configurations with different seeds or use cross-validation " +
                "(set UncertaintyOptions.FoldsPerTrial when the objective reports a running mean per fold)."));
        }

        return warnings;
    }

    /// <summary>The standard error of the difference of two means. Two configurations scored on the same k folds are
    /// compared fold by fold (a paired difference): the folds' own easiness, shared by both, cancels, which is what
    /// cross-validation's fixed folds allow. Otherwise each configuration's own standard error, or the pooled noise
    /// for one scored once (so two single scores compare at Noise * sqrt(2)); null when a single score meets an
    /// unknown noise.</summary>
    private static double? CombinedStandardError(ConfigurationSpread best, ConfigurationSpread runnerUp, double? noise)
    {
        if (best is { Source: SpreadSource.Folds, Scores: { Count: > 1 } a } && runnerUp is { Source: SpreadSource.Folds, Scores: { } b }
            && a.Count == b.Count)
        {
            var differences = a.Zip(b, (x, y) => x - y).ToList();
            return FoldScores.StandardDeviation(differences) / Math.Sqrt(differences.Count);
        }

        return StandardError(best, noise) is { } first && StandardError(runnerUp, noise) is { } second
            ? Math.Sqrt(first * first + second * second)
            : null;
    }

    private static double? StandardError(ConfigurationSpread configuration, double? noise) =>
        configuration.Samples > 1 ? configuration.StandardError : noise;

    private static string Trials(ConfigurationSpread configuration) => configuration.TrialNumbers.Count == 1
        ? $"trial #{configuration.TrialNumbers[0]}"
        : $"trials {string.Join(", ", configuration.TrialNumbers.Select(n => $"#{n}"))}";

    /// <summary>A figure for a message: four significant digits, invariant culture.</summary>
    private static string Figure(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
