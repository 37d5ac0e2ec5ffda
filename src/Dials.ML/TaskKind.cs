namespace Dials.ML;

/// <summary>What is being predicted.</summary>
public enum TaskKind
{
    /// <summary>Two classes (labels such as 0/1, true/false, yes/no).</summary>
    Binary,

    /// <summary>Three or more classes.</summary>
    Multiclass,

    /// <summary>A number.</summary>
    Regression,
}
