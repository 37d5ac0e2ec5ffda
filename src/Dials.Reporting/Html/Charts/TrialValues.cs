using Dials.Analysis;

namespace Dials.Reporting.Html.Charts;

/// <summary>What the charts read off trials: the value a trial stands for and how good a value is in this study.</summary>
internal static class TrialValues
{
    /// <summary>The value a finished trial stands for: a complete trial's value, a pruned trial's last intermediate
    /// value (what the pruner judged it on), or null.</summary>
    public static double? Shown(TrialRecord trial) => trial.State switch
    {
        TrialState.Complete when trial.Value is { } v && double.IsFinite(v) => v,
        TrialState.Pruned when trial.LastIntermediate is { } last && double.IsFinite(last.Value) => last.Value,
        _ => null,
    };

    /// <summary>Maps a value to [0, 1] with 1 the best complete value of the study and 0 the worst, so colours mean
    /// the same whether the study minimises or maximises.</summary>
    public static Func<double, double> Quality(StudySnapshot study)
    {
        if (study.Complete.Count == 0)
        {
            return _ => 0.5;
        }

        var values = study.Complete.Select(t => t.Value!.Value).ToList();
        var (min, max) = (values.Min(), values.Max());
        if (max == min)
        {
            return _ => 1;
        }

        return study.Direction == Direction.Minimize ? v => (max - v) / (max - min) : v => (v - min) / (max - min);
    }

    /// <summary>Trials by quality, worst first, so that drawing them in order leaves the best on top.</summary>
    public static IEnumerable<TrialRecord> WorstFirst(StudySnapshot study)
    {
        var quality = Quality(study);
        return study.Complete.OrderBy(t => quality(t.Value!.Value)).ThenByDescending(t => t.Number);
    }
}
