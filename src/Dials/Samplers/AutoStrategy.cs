namespace Dials.Samplers;

/// <summary>The strategies <see cref="AutoSampler"/> chooses between.</summary>
public enum AutoStrategyKind
{
    /// <summary><see cref="GpSampler"/>: numeric spaces of modest size, while the study is young.</summary>
    Gp,

    /// <summary><see cref="TpeSampler"/>: spaces dominated by categorical or conditional dimensions, very wide spaces,
    /// and long studies.</summary>
    Tpe,
}

/// <summary>
/// The rules <see cref="AutoSampler"/> follows: which strategy suits a space at a given point of a study, and why.
/// Each threshold comes from the measurements in docs/samplers.md ("The automatic strategy").
/// </summary>
/// <param name="MaxGpDimensions">Above this many modelled dimensions, TPE: in 20-D the GP's gain over TPE is gone
/// and its cost is not.</param>
/// <param name="GpTrialLimit">From this many complete trials on, TPE: the GP's cost grows with the cube of the trial
/// count, while by then TPE has the history it needs.</param>
/// <param name="ConditionalGpTrialLimit">In a space with conditional dimensions (which the GP leaves to TPE), TPE from
/// this many complete trials on: the GP finds the good region of the always-active dimensions sooner, TPE then refines
/// the branches better.</param>
public sealed record AutoStrategy(int MaxGpDimensions = 16, int GpTrialLimit = 500, int ConditionalGpTrialLimit = 100)
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
        if (categorical + conditional > numeric)
        {
            return (AutoStrategyKind.Tpe, $"{shape}: categorical and conditional dimensions dominate, where TPE's per-level "
                + "densities beat a GP's");
        }

        if (numeric + categorical > MaxGpDimensions)
        {
            return (AutoStrategyKind.Tpe, $"{shape}: more than {MaxGpDimensions} always-active dimensions, too many for a GP "
                + "to pay off");
        }

        if (conditional > 0 && completeTrials >= ConditionalGpTrialLimit)
        {
            return (AutoStrategyKind.Tpe, $"{shape} and {completeTrials} complete trials, at least {ConditionalGpTrialLimit}: "
                + "TPE refines conditional branches better from here");
        }

        if (completeTrials >= GpTrialLimit)
        {
            return (AutoStrategyKind.Tpe, $"{completeTrials} complete trials, at least {GpTrialLimit}: past the GP's range "
                + "(its cost grows with the cube of the trials), so TPE");
        }

        return (AutoStrategyKind.Gp, $"{shape} and {completeTrials} complete trial(s): a GP spends the fewest trials here");
    }
}
