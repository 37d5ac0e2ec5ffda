using Dials.Catalogs;
using Dials.Pruners;

namespace Dials.Samplers.Tests;

/// <summary>The one catalog of sampler and pruner kinds that configuration, the CLI, the simulator and the samples
/// read: every kind is made from default settings, names are found however configuration spells them, and an
/// unknown name is an error listing the known ones.</summary>
public sealed class CatalogTests
{
    [Theory]
    [InlineData("auto", typeof(AutoSampler))]
    [InlineData("Tpe", typeof(TpeSampler))]
    [InlineData("tpe-uni", typeof(TpeSampler))]
    [InlineData("GP", typeof(GpSampler))]
    [InlineData("random", typeof(RandomSampler))]
    [InlineData("Grid", typeof(GridSampler))]
    [InlineData("qmc", typeof(QmcSampler))]
    [InlineData("CmaEs", typeof(CmaEsSampler))]
    [InlineData("cmaes_ipop", typeof(CmaEsSampler))]
    [InlineData("NSGA2", typeof(NsgaIISampler))]
    public void Every_sampler_kind_is_made_from_default_settings_however_its_name_is_spelled(string name, Type type)
    {
        Assert.IsType(type, SamplerCatalog.Create(new SamplerSettings { Kind = name }));
    }

    [Theory]
    [InlineData("none", typeof(NopPruner))]
    [InlineData("Median", typeof(MedianPruner))]
    [InlineData("percentile", typeof(PercentilePruner))]
    [InlineData("SuccessiveHalving", typeof(SuccessiveHalvingPruner))]
    [InlineData("successive-halving", typeof(SuccessiveHalvingPruner))]
    [InlineData("Hyperband", typeof(HyperbandPruner))]
    [InlineData("patience", typeof(PatiencePruner))]
    public void Every_pruner_kind_is_made_from_default_settings_however_its_name_is_spelled(string name, Type type)
    {
        Assert.IsType(type, PrunerCatalog.Create(new PrunerSettings { Kind = name }));
    }

    [Fact]
    public void The_defaults_are_the_automatic_sampler_and_no_pruning()
    {
        Assert.IsType<AutoSampler>(SamplerCatalog.Create(new SamplerSettings()));
        Assert.IsType<NopPruner>(PrunerCatalog.Create(new PrunerSettings()));
    }

    [Fact]
    public void An_unknown_name_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => SamplerCatalog.Create(new SamplerSettings { Kind = "bayes" }));

        Assert.StartsWith("Unknown sampler 'bayes'; known: auto, tpe, tpe-uni, gp, random, grid, qmc, cmaes, cmaes-ipop, nsga2.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_out_of_range_is_the_kinds_own_error_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PrunerCatalog.Create(new PrunerSettings { Kind = "hyperband", ReductionFactor = 1 }));

        Assert.Equal("reductionFactor", error.ParamName);
    }

    [Fact]
    public void An_unset_reduction_factor_is_each_pruners_own_default()
    {
        // Successive halving keeps the best quarter at a rung by default, Hyperband's brackets the best third: with
        // eight finished trials at step 1 (values 1..8), the 3rd best value is kept only under a factor of 3.
        var finished = Enumerable.Range(0, 8).Select(i => Curves.Trial(i, TrialState.Complete, i + 1)).ToArray();
        var third = Curves.Trial(9, TrialState.Running, 2.5);

        Assert.True(Curves.Prunes(PrunerCatalog.Create(new PrunerSettings { Kind = "successive-halving" }), third, finished));
        Assert.False(Curves.Prunes(PrunerCatalog.Create(new PrunerSettings { Kind = "successive-halving", ReductionFactor = 3 }), third, finished));
    }
}
