namespace Dials.Catalogs;

/// <summary>The names of <see cref="PrunerCatalog"/>'s kinds, as constants: configuration, code and the configuration
/// schema the build writes all read them from here (a lookup ignores case, <c>-</c> and <c>_</c>).</summary>
public static class PrunerKinds
{
    /// <summary>No pruning.</summary>
    public const string None = "none";

    /// <summary>The median rule.</summary>
    public const string Median = "median";

    /// <summary>The percentile rule.</summary>
    public const string Percentile = "percentile";

    /// <summary>Asynchronous successive halving.</summary>
    public const string SuccessiveHalving = "successive-halving";

    /// <summary>Hyperband.</summary>
    public const string Hyperband = "hyperband";

    /// <summary>Patience on a trial's own curve.</summary>
    public const string Patience = "patience";
}
