using System.Runtime.CompilerServices;
using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>
/// The densities kept between proposals and updated where their trials changed (<see cref="ParzenEstimator.Kept"/>),
/// and the history's recall of records it read before, against fresh fits and fresh reads: the same kernels bit for
/// bit, and so the same proposals, through every kind of change a study makes to the sets (trials joining, trading
/// places between the good and the bad set, pruned, failed and running trials, running trials finishing, another
/// study's trials under the same numbers) and every kind of group.
/// </summary>
public sealed class TpeKeptDensityTests
{
    [Theory]
    [InlineData(1, 0.0, false)]
    [InlineData(3, 1.0, false)]
    [InlineData(6, 1.0, false)]
    [InlineData(3, 1.0, true)]
    public void A_kept_fit_equals_a_fresh_fit_kernel_for_kernel(int dimensions, double priorWeight, bool goodSet)
    {
        // Coordinates on a coarse grid as well as continuous ones: ties between neighbours, and centres exactly at the
        // prior's 0.5, must be broken as a fresh fit breaks them.
        var space = UnitCube(dimensions);
        var group = space.Dimensions.Select((d, i) => new GroupDimension(i, d)).ToArray();
        var caches = new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>();
        var kept = new ParzenEstimator.Kept();
        var random = new Random(dimensions);
        var trials = new List<TrialRecord>();
        var updated = 0;
        for (var n = 0; n < 400; n++)
        {
            var context = new SamplingContext(space, Direction.Minimize, trials, n);
            var history = TpeHistory.From(context, constantLiar: true, caches);
            var ranked = history.Ranked;
            var good = ranked.Take(Math.Min(25, (ranked.Length + 9) / 10)).ToHashSet();
            var bad = Enumerable.Range(0, history.Count)
                .Where(t => history.Coordinates[t] is not null && good.Contains(t) == goodSet).ToArray();
            var rows = new ArraySegment<double[]>([.. bad.Select(t => history.Coordinates[t]!)]);
            var numbers = bad.Select(t => history.Numbers[t]).ToArray();
            var weights = bad.Select((_, i) => 1.0 / (1 + bad.Length - i)).ToArray();
            var settings = new ParzenSettings(priorWeight, true, false, ranked.Length);

            var update = kept.TryUpdate(group, rows, numbers, weights, settings, history);
            updated += update is null ? 0 : 1;
            var keptFit = update ?? kept.Refit(group, rows, numbers, weights, settings, null);
            var fresh = ParzenEstimator.Fit(group, rows, weights, settings);

            Assert.Equal(fresh.Kernels, keptFit.Kernels);
            for (var d = 0; d < dimensions; d++)
            {
                for (var k = 0; k < fresh.Kernels; k++)
                {
                    Assert.Equal(Bits(fresh.KernelFit(d, k)), Bits(keptFit.KernelFit(d, k)));
                }
            }

            keptFit.Release();
            fresh.Release();
            history.Return();

            var point = Enumerable.Range(0, dimensions)
                .Select(_ => random.Next(4) == 0 ? random.Next(5) / 4.0 : Math.Clamp(0.3 + 0.2 * (random.NextDouble() - 0.5), 0, 1))
                .ToArray();
            trials.Add(n % 9 == 4 ? Running(n, point) : Complete(n, point, point.Sum(x => (x - 0.3) * (x - 0.3))));
        }

        // The update, not the fresh fit, answered most proposals after the width floor settled (later for the small
        // good set, whose floor settles later).
        Assert.True(updated > (goodSet ? 20 : 200), $"{updated} updates");

        static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Kept_densities_propose_exactly_what_fresh_fits_propose(bool multivariate)
    {
        // Every kind of dimension, conditions two levels deep; pruned, failed and running trials, and running trials
        // that finish some proposals later (constant liar).
        AssertSameProposals(EveryKind, EveryKindObjective, 220, multivariate, directions: [Direction.Minimize]);
    }

    [Fact]
    public void Kept_densities_propose_exactly_what_fresh_fits_propose_in_ten_dimensions()
    {
        AssertSameProposals(UnitCube(10), x => x.Sum(v => (v - 0.3) * (v - 0.3)), 300, multivariate: true,
            directions: [Direction.Minimize]);
    }

    [Fact]
    public void Kept_densities_propose_exactly_what_fresh_fits_propose_with_several_objectives()
    {
        AssertSameProposals(UnitCube(4), x => x.Sum(v => (v - 0.3) * (v - 0.3)), 160, multivariate: null,
            directions: [Direction.Minimize, Direction.Minimize], second: x => x.Sum(v => (v - 0.7) * (v - 0.7)));
    }

    [Fact]
    public void A_sampler_that_recalls_its_reads_proposes_what_a_new_sampler_proposes()
    {
        // The history recalls what it read from records it read before (TpeHistory.CoordinateCache.Recall): against a
        // new sampler at every step, which has read nothing, through records replaced as trials are pruned, fail,
        // run and finish.
        AssertSameProposals(EveryKind, EveryKindObjective, 120, multivariate: true, directions: [Direction.Minimize],
            newSamplerEachStep: true);
    }

    [Fact]
    public void A_sampler_shared_by_two_studies_of_one_space_keeps_no_stale_kernel()
    {
        // Two studies take turns with one sampler: the same trial numbers carry other points in the other study, so
        // every kept kernel must be checked against the coordinates the study at hand hands out.
        var space = UnitCube(5);
        var kept = new TpeSampler(seed: 3);
        var fresh = new TpeSampler(seed: 3) { KeepsDensities = false };
        var studies = new[] { new List<TrialRecord>(), new List<TrialRecord>() };
        for (var n = 0; n < 240; n++)
        {
            var trials = studies[n % 2];
            var context = new SamplingContext(space, Direction.Minimize, trials, trials.Count);
            var proposed = kept.Sample(context);
            Assert.Equal(fresh.Sample(context), proposed);
            var shift = n % 2 == 0 ? 0.2 : 0.7;
            trials.Add(Complete(trials.Count, proposed, proposed.Sum(v => (v - shift) * (v - shift))));
        }
    }

    // Runs a study step by step with a sampler that keeps its densities and checks every proposal against a sampler
    // that fits them afresh (a new one at every step, which has read nothing before, if asked), both shown the same
    // trials.
    private static void AssertSameProposals(SearchSpace<double[]> space, Func<double[], double> objective, int steps,
        bool? multivariate, Direction[] directions, Func<double[], double>? second = null, bool newSamplerEachStep = false)
    {
        var kept = new TpeSampler(seed: 11, multivariate: multivariate);
        var fresh = new TpeSampler(seed: 11, multivariate: multivariate) { KeepsDensities = false };
        var trials = new List<TrialRecord>();
        for (var n = 0; n < steps; n++)
        {
            if (newSamplerEachStep)
            {
                fresh = new TpeSampler(seed: 11, multivariate: multivariate) { KeepsDensities = false };
            }

            var context = new SamplingContext(space, directions[0], trials, n) { Directions = directions };
            var proposed = kept.Sample(context);
            Assert.Equal(fresh.Sample(context), proposed);

            var value = objective(proposed);
            double[]? values = second is null ? null : [value, second(proposed)];
            var complete = Complete(n, proposed, value) with { Values = values };
            trials.Add((n % 13, n % 7) switch
            {
                (5, _) => complete with { State = TrialState.Pruned, Value = null, Values = null, Intermediate = [new IntermediateValue(n % 3, value)] },
                (9, _) => complete with { State = TrialState.Failed, Value = null, Values = null },
                (_, 6) => Running(n, proposed),
                _ => complete,
            });

            // A trial left running three proposals ago finishes, under a copy of its point.
            if (n >= 3 && trials[n - 3].State == TrialState.Running && n % 2 == 0)
            {
                var point = trials[n - 3].Point.ToArray();
                var finished = objective(point);
                trials[n - 3] = Complete(n - 3, point, finished) with { Values = second is null ? null : [finished, second(point)] };
            }
        }
    }
}
