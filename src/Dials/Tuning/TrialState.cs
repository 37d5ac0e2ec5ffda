namespace Dials;

/// <summary>Where a trial is in its life.</summary>
public enum TrialState
{
    /// <summary>Asked for and not yet told.</summary>
    Running,

    /// <summary>Finished with a finite objective value.</summary>
    Complete,

    /// <summary>Stopped early by the pruner; its last intermediate value stands for it.</summary>
    Pruned,

    /// <summary>The objective threw, returned NaN or infinity, timed out, or its worker died.</summary>
    Failed,
}
