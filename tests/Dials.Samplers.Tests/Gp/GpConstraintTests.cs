namespace Dials.Samplers.Tests.Gp;

/// <summary>The GP sampler with constraints: one GP per constraint, log probability of feasibility added to log EI, the
/// best feasible trial as incumbent, and feasibility alone while no trial is feasible.</summary>
public sealed class GpConstraintTests
{
    /// <summary>Minimise x + y on the unit square subject to x² + y² ≥ 0.5: the optimum lies on the arc, and the
    /// unconstrained optimum (0, 0) is infeasible.</summary>
    private static double Sum(double[] p) => p[0] + p[1];

    private static double OutsideDisc(double[] p) => 0.5 - p[0] * p[0] - p[1] * p[1];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Most_proposals_after_the_start_up_are_feasible_and_the_best_is_feasible_and_near_the_optimum(int seed)
    {
        var study = Study.Create(SamplerHarness.UnitCube(2), new StudyOptions { Sampler = new GpSampler(seed), Name = "gp-constrained" });
        for (var n = 0; n < 40; n++)
        {
            var trial = study.Ask();
            trial.SetConstraint("outside", OutsideDisc(trial.Config));
            study.Tell(trial, Sum(trial.Config));
        }

        var trials = study.Storage.ReadTrials(study.Name);
        var modelled = trials.Skip(GpSampler.DefaultStartupTrials).ToList();
        // The constrained optimum lies on the boundary, which the GP then straddles: "feasible" counts points within
        // 0.001 of it, and once the constraint's GP has a few trials beside the boundary none strays inside the disc.
        Assert.True(modelled.Count(t => t.Constraints![0].Value <= 1e-3) >= 0.8 * modelled.Count,
            $"{modelled.Count(t => t.Constraints![0].Value <= 1e-3)} of {modelled.Count} feasible");
        Assert.All(modelled.Skip(10), t => Assert.True(t.Constraints![0].Value <= 0.01, $"trial {t.Number}: {t.Constraints![0].Value}"));
        Assert.All(modelled, t => Assert.EndsWith("weighed by the probability of meeting the constraints", t.StrategyReason, StringComparison.Ordinal));

        var best = study.GetResult().Best;
        Assert.True(OutsideDisc(best.Config) <= 0);
        // On the arc x² + y² = 0.5 the sum is least at either end, sqrt(0.5); infeasible trials scored less.
        Assert.InRange(best.Value, Math.Sqrt(0.5) - 1e-9, Math.Sqrt(0.5) + 0.02);
        Assert.Contains(trials, t => t.Value < best.Value);
    }

    [Fact]
    public void Without_a_feasible_trial_the_gp_seeks_feasibility_alone()
    {
        // Ten start-up points all inside the disc (infeasible), then the GP: it heads for the feasible ring.
        var space = SamplerHarness.UnitCube(2);
        var random = new TrialRandom(1, 0);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 10; n++)
        {
            double[] point = [0.4 * random.NextDouble(), 0.4 * random.NextDouble()];
            trials.Add(SamplerHarness.Complete(n, point, Sum(point)) with { Constraints = [new ConstraintValue("outside", OutsideDisc(point))] });
        }

        var proposal = new GpSampler(seed: 1).Propose(new SamplingContext(space, Direction.Minimize, trials, 10));

        Assert.EndsWith("no feasible trial yet, so by the probability of meeting the constraints alone", proposal.Reason, StringComparison.Ordinal);
        Assert.True(OutsideDisc(proposal.Point) < OutsideDisc([0.4, 0.4]), $"proposed ({proposal.Point[0]}, {proposal.Point[1]})");
    }

    [Fact]
    public void Constraints_that_never_vary_leave_the_proposals_as_without_constraints()
    {
        var space = SamplerHarness.UnitCube(2);
        var plain = new List<TrialRecord>();
        var constrained = new List<TrialRecord>();
        var random = new TrialRandom(2, 0);
        for (var n = 0; n < 12; n++)
        {
            double[] point = [random.NextDouble(), random.NextDouble()];
            plain.Add(SamplerHarness.Complete(n, point, Sum(point)));
            constrained.Add(plain[^1] with { Constraints = [new ConstraintValue("always", -1)] });
        }

        var a = new GpSampler(seed: 4).Propose(new SamplingContext(space, Direction.Minimize, plain, 12));
        var b = new GpSampler(seed: 4).Propose(new SamplingContext(space, Direction.Minimize, constrained, 12));

        Assert.Equal(a.Point, b.Point);
    }
}
