using Dials.Simulation;

namespace Dials.Samplers.Tests.Gp;

public class AutoSamplerTests
{
    [Fact]
    public void A_numeric_space_is_searched_by_the_gp_after_its_start_up_and_every_trial_says_why()
    {
        var branin = TestFunctions.Branin();
        var study = Study.Create(branin.Space, new StudyOptions { Sampler = new AutoSampler(seed: 1) });
        for (var n = 0; n < 14; n++)
        {
            var trial = study.Ask();
            study.Tell(trial, branin.Evaluate(trial.Config));
        }

        var trials = study.Storage.ReadTrials(study.Name);
        Assert.All(trials.Take(10), t => Assert.Equal("QMC start-up", t.Strategy));
        Assert.All(trials.Skip(10), t => Assert.Equal("GP", t.Strategy));
        Assert.All(trials, t => Assert.StartsWith("auto: 2 numeric, 0 categorical and 0 conditional dimension(s)", t.StrategyReason));
    }

    [Fact]
    public void With_a_seed_it_proposes_exactly_what_the_chosen_sampler_would_on_its_own()
    {
        var hartmann = TestFunctions.Hartmann6();
        var auto = SamplerHarness.Run(hartmann.Space, new AutoSampler(seed: 7), hartmann.Evaluate, 14);
        var gp = SamplerHarness.Run(hartmann.Space, new GpSampler(seed: 7), hartmann.Evaluate, 14);
        Assert.Equal(gp.Select(t => t.Point.ToArray()), auto.Select(t => t.Point.ToArray()));

        var branch = TestFunctions.Get("branch");
        var strategy = new AutoStrategy(GpTrialLimit: 0);
        var autoTpe = SamplerHarness.Run(branch.Space, new AutoSampler(seed: 7, strategy), branch.Evaluate, 14);
        var tpe = SamplerHarness.Run(branch.Space, new TpeSampler(seed: 7), branch.Evaluate, 14);
        Assert.Equal(tpe.Select(t => t.Point.ToArray()), autoTpe.Select(t => t.Point.ToArray()));
    }

    [Theory]
    [InlineData("cat4x5", 50, AutoStrategyKind.Gp)]
    [InlineData("sphere20", 50, AutoStrategyKind.Gp)]
    [InlineData("branch", 100, AutoStrategyKind.Gp)]
    [InlineData("mixed", 499, AutoStrategyKind.Gp)]
    [InlineData("mixed", 500, AutoStrategyKind.Tpe)]
    [InlineData("branin", 499, AutoStrategyKind.Gp)]
    [InlineData("branin", 500, AutoStrategyKind.Tpe)]
    public void The_gp_serves_every_space_until_the_study_length_calls_for_tpe(string function,
        int completeTrials, AutoStrategyKind expected)
    {
        var (kind, reason) = new AutoStrategy().Choose(TestFunctions.Get(function).Space, completeTrials);
        Assert.Equal(expected, kind);
        Assert.Contains($"{completeTrials} complete trial", reason);
    }

    [Fact]
    public void A_long_study_switches_from_the_gp_to_tpe_and_keeps_every_trial()
    {
        var branin = TestFunctions.Branin();
        var study = Study.Create(branin.Space, new StudyOptions { Sampler = new AutoSampler(seed: 2, new AutoStrategy(GpTrialLimit: 15)) });
        for (var n = 0; n < 30; n++)
        {
            var trial = study.Ask();
            study.Tell(trial, branin.Evaluate(trial.Config));
        }

        var trials = study.Storage.ReadTrials(study.Name);
        Assert.All(trials.Skip(10).Take(5), t => Assert.Equal("GP", t.Strategy));
        Assert.All(trials.Skip(15), t => Assert.Equal("TPE", t.Strategy));
        Assert.Contains("15 complete trials, at least 15", trials[15].StrategyReason);
        Assert.True(SamplerHarness.Best(trials) - branin.Optimum < 0.5);
    }

    [Fact]
    public void It_is_the_default_sampler_of_a_study()
    {
        var study = Study.Create(TestFunctions.Branin().Space, new StudyOptions());
        Assert.IsType<AutoSampler>(study.Sampler);
    }
}
