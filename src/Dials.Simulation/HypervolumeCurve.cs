using Dials.MultiObjective;

namespace Dials.Simulation;

/// <summary>Hypervolume over trials, the multi-objective counterpart of a best-so-far curve: after each trial, the
/// hypervolume of the feasible complete trials so far.</summary>
public static class HypervolumeCurve
{
    /// <summary>After each of <paramref name="trials"/> (taken in trial-number order), the hypervolume at
    /// <paramref name="reference"/> of the trials so far that count (<see cref="Counts"/>): failed, pruned and
    /// infeasible trials never add volume.</summary>
    /// <param name="trials">A study's trials.</param>
    /// <param name="reference">The reference point, in the objectives' own units.</param>
    /// <param name="directions">Whether each objective is minimised or maximised.</param>
    public static double[] Of(IReadOnlyList<TrialRecord> trials, IReadOnlyList<double> reference, IReadOnlyList<Direction> directions)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(directions);
        var curve = new double[trials.Count];

        // Dominated points add no volume, so only the front so far is kept and the volume is recomputed only when a
        // trial joins it: a study's curve costs a few hypervolumes of the front, not one of every prefix.
        var front = new List<IReadOnlyList<double>>();
        var volume = 0.0;
        var t = 0;
        foreach (var trial in trials.OrderBy(r => r.Number))
        {
            if (Counts(trial, directions.Count))
            {
                var values = trial.ObjectiveValues;
                if (!front.Any(p => p.SequenceEqual(values) || Dominance.Dominates(p, values, directions)))
                {
                    front.RemoveAll(p => Dominance.Dominates(values, p, directions));
                    front.Add(values);
                    volume = Hypervolume.Compute(front, reference, directions);
                }
            }

            curve[t++] = volume;
        }

        return curve;
    }

    /// <summary>Whether a trial counts towards the hypervolume: complete, with one value per objective, and feasible
    /// (no constraint above 0).</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="objectives">The study's number of objectives.</param>
    public static bool Counts(TrialRecord trial, int objectives)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.State == TrialState.Complete && trial.ObjectiveValues.Count == objectives
            && (trial.Constraints is null || Dominance.IsFeasible([.. trial.Constraints.Select(c => c.Value)]));
    }
}
