using System.Globalization;
using Dials.Analysis.Surrogate;

namespace Dials.Analysis;

/// <summary>Which dimensions of a study mattered.</summary>
public static class ParameterImportance
{
    /// <summary>Estimates each dimension's importance from the study's complete trials.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">Method, trees, seed; defaults when null.</param>
    /// <returns>The importances, most important first.</returns>
    /// <exception cref="InvalidOperationException">The study has fewer than two complete trials.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    public static ImportanceResult Evaluate(StudySnapshot study, ImportanceOptions? options = null)
    {
        options ??= new ImportanceOptions();
        Validate(options);
        var set = TrainingSet.From(study, "importance");
        var notes = new List<string>();
        var method = ChooseMethod(set.Count, options, notes);
        var dimensions = study.Space.Dimensions;
        var importances = new double[dimensions.Count];
        var spreads = new double[dimensions.Count];
        if (set.Range == 0)
        {
            notes.Add("The objective had the same value in every complete trial, so no dimension explains any of it: every importance is 0.");
        }
        else if (method == ImportanceMethod.Fanova)
        {
            (importances, spreads) = FanovaImportance.Estimate(set, options.Trees, options.Seed);
            var mainEffects = importances.Sum();
            notes.Add($"Main effects explain {Percent(mainEffects)} of the surrogate's variance; the rest comes from dimensions acting together, which per-dimension importances do not show.");
            Normalise(importances, spreads, mainEffects);
        }
        else
        {
            importances = CorrelationRatioImportance.Estimate(set);
            Normalise(importances, spreads, importances.Sum());
        }

        for (var d = 0; d < dimensions.Count; d++)
        {
            if (set.Encoding.Measures[d].InactiveShare == 1)
            {
                notes.Add($"'{dimensions[d].Name}' was inactive in every complete trial, so nothing can be said about it: its importance is 0.");
            }
        }

        // Stable: equally important dimensions keep the space's order.
        var ranked = Enumerable.Range(0, dimensions.Count)
            .OrderByDescending(d => importances[d])
            .Select(d => new DimensionImportance(dimensions[d].Name, importances[d], spreads[d]))
            .ToArray();
        return new ImportanceResult(method, set.Count, ranked, notes);
    }

    private static ImportanceMethod ChooseMethod(int trials, ImportanceOptions options, List<string> notes)
    {
        switch (options.Method)
        {
            case ImportanceMethod.Auto when trials < options.MinTrialsForFanova:
                notes.Add($"Only {trials} complete trials, fewer than the {options.MinTrialsForFanova} a random-forest surrogate needs " +
                          "(ImportanceOptions.MinTrialsForFanova), so the fast estimate was used instead of fANOVA: each dimension's " +
                          "correlation ratio over bins of its values. It sees every dimension alone and misses interactions; rerun with more trials.");
                return ImportanceMethod.Fast;
            case ImportanceMethod.Auto:
                return ImportanceMethod.Fanova;
            case ImportanceMethod.Fast:
                notes.Add("The fast estimate was used, as asked: each dimension's correlation ratio over bins of its values. It sees every dimension alone and misses interactions.");
                return ImportanceMethod.Fast;
            default:
                return options.Method;
        }
    }

    /// <summary>Scales the shares to sum to 1 (and the spreads with them, so they stay comparable); all 0 stays 0.</summary>
    private static void Normalise(double[] importances, double[] spreads, double sum)
    {
        if (sum <= 0)
        {
            Array.Clear(importances);
            Array.Clear(spreads);
            return;
        }

        for (var d = 0; d < importances.Length; d++)
        {
            importances[d] /= sum;
            spreads[d] /= sum;
        }
    }

    private static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void Validate(ImportanceOptions options)
    {
        if (!Enum.IsDefined(options.Method))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"ImportanceOptions.Method {(int)options.Method} is not a method.");
        }

        if (options.Trees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"ImportanceOptions.Trees must be at least 1, not {options.Trees}.");
        }

        if (options.MinTrialsForFanova < TrainingSet.MinimumTrials)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"ImportanceOptions.MinTrialsForFanova must be at least {TrainingSet.MinimumTrials}, not {options.MinTrialsForFanova}.");
        }
    }
}
