namespace Dials.Samplers;

/// <summary>The strategies <see cref="AutoSampler"/> chooses between.</summary>
public enum AutoStrategyKind
{
    /// <summary><see cref="GpSampler"/>: every space, while the study is young.</summary>
    Gp,

    /// <summary><see cref="TpeSampler"/>: long studies, past the GP's range.</summary>
    Tpe,
}

/// <summary>
/// The rules <see cref="AutoSampler"/> follows: which strategy suits a space at a given point of a study, and why.
/// Each threshold comes from the measurements in docs/samplers.md ("The automatic strategy"): the GP needed fewer
/// trials than TPE and CMA-ES on every problem measured, categorical-heavy and 20-dimensional ones included, so it is
/// used until its cost stops paying. Conditional spaces included: the branch holding the best trial gets a GP of its
/// own (see <see cref="GpSampler"/>), which refined conditional children faster than TPE did on every conditional
/// problem measured.
/// </summary>
/// <param name="GpTrialLimit">From this many complete trials on, TPE: the GP's cost grows with the cube of the trial
/// count (tens of milliseconds per proposal at 300 trials, about a second at 1,000), while by then TPE has the
/// history it needs.</param>
public sealed record AutoStrategy(int GpTrialLimit = 500)
{
    /// <summary>The strategy for a trial of <paramref name="space"/> when <paramref name="completeTrials"/> trials have
    /// completed, and the reason in a sentence.</summary>
    public (AutoStrategyKind Kind, string Reason) Choose(SearchSpace space, int completeTrials)
    {
        ArgumentNullException.ThrowIfNull(space);
        var numeric = 0;
        var categorical = 0;
        var conditional = 0;
        foreach (var dimension in space.Dimensions)
        {
            if (dimension.IsDiscrete && dimension.Count < 2)
            {
                continue;
            }

            if (dimension.Condition is not null)
            {
                conditional++;
            }
            else if (dimension.Kind == DimensionKind.Categorical)
            {
                categorical++;
            }
            else
            {
                numeric++;
            }
        }

        var shape = $"{numeric} numeric, {categorical} categorical and {conditional} conditional dimension(s)";
        if (completeTrials >= GpTrialLimit)
        {
            return (AutoStrategyKind.Tpe, $"{shape}; {completeTrials} complete trials, at least {GpTrialLimit}: past the GP's "
                + "range (its cost grows with the cube of the trials), so TPE");
        }

        return (AutoStrategyKind.Gp, $"{shape}; {completeTrials} complete trial(s): a GP spends the fewest trials here");
    }
}
