namespace Dials;

/// <summary>Whether the study looks for the smallest or the largest objective value.</summary>
public enum Direction
{
    /// <summary>Smaller is better (losses, errors, regret).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy, AUC, F1).</summary>
    Maximize,
}
