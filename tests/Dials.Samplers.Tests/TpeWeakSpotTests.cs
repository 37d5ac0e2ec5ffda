using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>The three refinements of <see cref="TpeSampler"/> measured on the weak-spot cases of
/// <see cref="TpeCases"/>, and its proposals' strategy and reason.</summary>
public sealed class TpeWeakSpotTests
{
    [Fact]
    public void Four_categorical_dimensions_are_all_right_within_a_median_of_40_trials()
    {
        var cat4x5 = TpeCases.Categorical4x5();
        var trialsToBasin = Enumerable.Range(0, 10)
            .Select(seed => TrialsToBasin(cat4x5, new TpeSampler(seed: seed), 200))
            .ToArray();

        // Before repeats were avoided the median over these seeds was 42.5; Optuna 5 needs about 41 on this case.
        Assert.True(Median(trialsToBasin) <= 40, $"trials to all four right: {string.Join(", ", trialsToBasin)}");
    }

    [Fact]
    public void A_discrete_space_gets_no_repeated_point_from_the_model_until_its_optimum_is_found()
    {
        var cat4x5 = TpeCases.Categorical4x5();
        foreach (var seed in Enumerable.Range(0, 5))
        {
            var trials = Run(cat4x5.Space, new TpeSampler(seed: seed), cat4x5.Evaluate, 60);
            var points = trials.TakeWhile(t => t.Value > cat4x5.Optimum).Select(t => string.Join(",", t.Point)).ToArray();

            // The random start-up may repeat itself; the model's proposals (trial 10 on) never repeat an earlier point.
            Assert.All(Enumerable.Range(10, Math.Max(0, points.Length - 10)), t => Assert.DoesNotContain(points[t], points[..t]));
        }
    }

    [Fact]
    public void The_best_branch_is_found_although_its_children_pay_off_only_when_tuned_together()
    {
        var branch = TpeCases.Branch();
        var reached = Enumerable.Range(0, 10).Count(seed => TrialsToBasin(branch, new TpeSampler(seed: seed), 300) <= 300);

        // Without branches kept in play, 3 of these 10 studies left Adam's bowl for SGD's well (Optuna 5: 3 of 20).
        Assert.True(reached >= 6, $"{reached} of 10 studies found SGD's well within 300 trials");
    }

    [Fact]
    public void A_level_that_gates_children_keeps_its_minimum_share_however_bad_its_trials()
    {
        var space = TestFunction.PointSpace(
        [
            Dimension.Categorical("kind", ["bad", "good", "other"]),
            Dimension.Float("x", 0, 1, condition: new DimensionCondition("kind", [0])),
            Dimension.Float("y", 0, 1),
        ]);
        var trials = Run(space, new TpeSampler(seed: 3), x => (x[0] == 0 ? 10 : x[0] == 1 ? 0 : 5) + x[2], 200);

        // "bad" gates x and keeps about 1.75 sqrt(n) trials; "other" gates nothing and is left to the model.
        var bad = trials.Count(t => t.Point[0] == 0);
        Assert.InRange(bad, (int)(1.75 * Math.Sqrt(199)), 40);
        Assert.True(trials.Skip(100).Count(t => t.Point[0] == 2) < 10);
    }

    [Fact]
    public void The_same_seed_replays_the_same_study_on_a_conditional_space()
    {
        var branch = TpeCases.Branch();
        var first = Run(branch.Space, new TpeSampler(seed: 7), branch.Evaluate, 80);
        var again = Run(branch.Space, new TpeSampler(seed: 7), branch.Evaluate, 80);

        Assert.Equal(first.Select(t => t.Point.ToArray()), again.Select(t => t.Point.ToArray()));
    }

    [Fact]
    public void In_twenty_dimensions_the_smaller_good_fraction_halves_the_regret()
    {
        var sphere = TpeCases.Sphere20();
        double MedianRegret(Func<int, TpeSampler> create) =>
            Median(Enumerable.Range(0, 5).Select(seed => SimulationRunner.RegretCurve(sphere, create(seed), 150)[^1]));

        var smaller = MedianRegret(seed => new TpeSampler(seed: seed));
        var tenth = MedianRegret(seed => new TpeSampler(seed: seed, gamma: TpeSampler.DefaultGamma));

        Assert.True(smaller < 0.75 * tenth, $"median regret after 150 trials: {smaller} (default), {tenth} (a tenth)");
    }

    [Fact]
    public void The_good_fraction_is_a_tenth_up_to_six_dimensions_and_shrinks_beyond()
    {
        Assert.Equal([0, 1, 10, 25], new[] { 0, 1, 100, 1000 }.Select(n => TpeSampler.DefaultGammaForGroup(n, 6)));
        Assert.Equal([0, 1, 3, 6, 25], new[] { 0, 1, 100, 200, 1000 }.Select(n => TpeSampler.DefaultGammaForGroup(n, 20)));
        Assert.Equal([7, 6, 3], new[] { 6, 7, 14 }.Select(d => TpeSampler.DefaultGammaForGroup(70, d))); // 6 and 3 exactly
    }

    [Fact]
    public void Proposals_say_random_start_up_then_TPE_and_name_branches_kept_in_play()
    {
        var branch = TpeCases.Branch();
        var (trials, proposals) = Propose(branch, new TpeSampler(seed: 2), 40);

        Assert.Equal(("random start-up", "3 of 10 start-up trials done"), (proposals[3].Strategy, proposals[3].Reason));
        Assert.All(proposals.Take(10), p => Assert.Equal("random start-up", p.Strategy));
        Assert.All(proposals.Skip(10), p => Assert.Equal("TPE", p.Strategy));
        Assert.Contains(proposals, p => p.Reason == "kept optimizer = sgd in play (3 of 10 trials so far)");
        Assert.Contains(proposals.Skip(10), p => p.Reason is null);

        // Sample is Propose without the explanation: same seed, same trials, same point.
        var context = new SamplingContext(branch.Space, Direction.Minimize, trials, 40);
        Assert.Equal(new TpeSampler(seed: 2).Propose(context).Point, new TpeSampler(seed: 2).Sample(context));
    }

    [Fact]
    public void A_proposal_names_the_groups_still_in_their_random_start_up()
    {
        // With a long start-up, a branch chosen on its merits has children that are still drawn at random.
        var (_, proposals) = Propose(TpeCases.Branch(), new TpeSampler(seed: 2, startupTrials: 20), 60);

        Assert.Contains(proposals, p => p is { Strategy: "TPE", Reason: "1 of 2 active groups of dimensions still in random start-up" });
    }

    private static (List<TrialRecord> Trials, List<Proposal> Proposals) Propose(TestFunction function, TpeSampler sampler, int count)
    {
        var trials = new List<TrialRecord>();
        var proposals = new List<Proposal>();
        for (var n = 0; n < count; n++)
        {
            var proposal = sampler.Propose(new SamplingContext(function.Space, Direction.Minimize, trials, n));
            proposals.Add(proposal);
            trials.Add(Complete(n, proposal.Point, function.Evaluate(proposal.Point)));
        }

        return (trials, proposals);
    }

    private static double TrialsToBasin(TestFunction function, ISampler sampler, int trials)
    {
        var curve = SimulationRunner.RegretCurve(function, sampler, trials);
        var index = Array.FindIndex(curve, r => r < function.Basin!.Value - function.Optimum);
        return index < 0 ? trials + 1 : index + 1;
    }
}
