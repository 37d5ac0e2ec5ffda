using Dials.Samplers;

namespace TuneMlNet;

/// <summary>The samplers <c>--sampler</c> and <c>--samplers</c> accept, by name: the label printed and how to make one
/// for a seed.</summary>
public static class SamplerCatalog
{
    /// <summary>The name of the main job's sampler when none is given: the automatic one, Dials' default.</summary>
    public const string Default = "auto";

    /// <summary>The samplers by name (case-insensitive).</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, Func<int, ISampler> Create)> Samplers =
        new Dictionary<string, (string, Func<int, ISampler>)>(StringComparer.OrdinalIgnoreCase)
        {
            [Default] = ("Auto", seed => new AutoSampler(seed: seed)),
            ["tpe"] = ("TPE", seed => new TpeSampler(seed: seed)),
            ["gp"] = ("GP", seed => new GpSampler(seed: seed)),
            ["random"] = ("random", seed => new RandomSampler(seed: seed)),
        };
}
