namespace Dials.Samplers.Nsga;

/// <summary>A complete trial as NSGA-II sees it: its point, its objective values and its constraint values (empty
/// when it recorded none, which counts as feasible).</summary>
/// <param name="Number">The trial's number.</param>
/// <param name="Point">Its internal values, NaN where inactive.</param>
/// <param name="Values">One value per objective.</param>
/// <param name="Constraints">Its constraint values, feasible when every one is at most 0.</param>
internal sealed record NsgaMember(int Number, IReadOnlyList<double> Point, IReadOnlyList<double> Values, IReadOnlyList<double> Constraints)
{
    /// <summary>The member a trial stands for, or null when the trial is not complete or its values do not fit the
    /// study's objectives (a trial that cannot be ranked cannot be a parent).</summary>
    public static NsgaMember? Of(TrialRecord trial, int objectives)
    {
        if (trial.State != TrialState.Complete)
        {
            return null;
        }

        var values = trial.ObjectiveValues;
        if (values.Count != objectives || values.Any(double.IsNaN))
        {
            return null;
        }

        IReadOnlyList<double> constraints = trial.Constraints is { } recorded ? [.. recorded.Select(c => c.Value)] : [];
        return constraints.Any(double.IsNaN) ? null : new NsgaMember(trial.Number, trial.Point, values, constraints);
    }
}
