namespace Dials.Simulation;

/// <summary>What the curves of a simulation measure.</summary>
public enum CurveMeasure
{
    /// <summary>Best-so-far regret of one objective: the best value found minus the known minimum; lower is better,
    /// 0 at the optimum.</summary>
    Regret,

    /// <summary>The hypervolume of the feasible complete trials so far at the problem's reference point; higher is
    /// better, up to the optimal hypervolume (that of the true Pareto front).</summary>
    Hypervolume,
}
