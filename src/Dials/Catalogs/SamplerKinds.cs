namespace Dials.Catalogs;

/// <summary>The names of <see cref="SamplerCatalog"/>'s kinds, as constants: configuration, code and the configuration
/// schema the build writes all read them from here (a lookup ignores case, <c>-</c> and <c>_</c>).</summary>
public static class SamplerKinds
{
    /// <summary>The automatic strategy: GP or TPE chosen from the space and the budget (TPE for several objectives).</summary>
    public const string Auto = "auto";

    /// <summary>Multivariate TPE with a constant liar (in a study of several objectives, one dimension at a time in a space of more than three).</summary>
    public const string Tpe = "tpe";

    /// <summary>TPE with one estimator per dimension.</summary>
    public const string TpeUnivariate = "tpe-uni";

    /// <summary>The Gaussian-process sampler.</summary>
    public const string Gp = "gp";

    /// <summary>Uniform random search.</summary>
    public const string Random = "random";

    /// <summary>Grid search.</summary>
    public const string Grid = "grid";

    /// <summary>Scrambled Sobol points.</summary>
    public const string Qmc = "qmc";

    /// <summary>CMA-ES.</summary>
    public const string CmaEs = "cmaes";

    /// <summary>CMA-ES with IPOP restarts.</summary>
    public const string CmaEsIpop = "cmaes-ipop";

    /// <summary>NSGA-II, the genetic algorithm for several objectives.</summary>
    public const string NsgaII = "nsga2";
}
