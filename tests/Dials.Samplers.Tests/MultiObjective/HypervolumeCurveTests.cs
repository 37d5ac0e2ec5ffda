using Dials.MultiObjective;
using Dials.Simulation;

namespace Dials.Samplers.Tests.MultiObjective;

public sealed class HypervolumeCurveTests
{
    private static TrialRecord Trial(int number, TrialState state, double[]? values, params double[] constraints) =>
        new(number, state, [], null, [], DateTimeOffset.UnixEpoch, TimeSpan.Zero, Values: values,
            Constraints: constraints.Length == 0 ? null : [.. constraints.Select((c, i) => new ConstraintValue($"c{i + 1}", c))]);

    /// <summary>Random studies with failed and pruned trials, feasible and infeasible ones, points beyond the reference
    /// and mixed directions: each point of the curve is the hypervolume, recomputed from scratch by inclusion and
    /// exclusion, of the feasible complete trials up to it.</summary>
    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(3, 4)]
    public void Each_point_is_the_hypervolume_of_the_feasible_complete_trials_so_far(int objectives, int seed)
    {
        var random = new Random(seed);
        Direction[] directions = objectives == 2
            ? [Direction.Minimize, Direction.Maximize]
            : [Direction.Minimize, Direction.Minimize, Direction.Maximize];
        double[] reference = [.. directions.Select(d => d == Direction.Minimize ? 1.0 : 0.0)];
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 16; n++)
        {
            var roll = random.Next(8);
            var state = roll == 0 ? TrialState.Failed : roll == 1 ? TrialState.Pruned : TrialState.Complete;
            double[]? values = state == TrialState.Complete ? [.. directions.Select(_ => random.NextDouble() * 1.2 - 0.1)] : null;
            double[] constraints = random.Next(2) == 0 ? [] : [random.NextDouble() * 1.5 - 1, random.NextDouble() * 1.5 - 1];
            trials.Add(Trial(n, state, values, constraints));
        }

        var curve = HypervolumeCurve.Of(trials, reference, directions);

        for (var t = 0; t < trials.Count; t++)
        {
            var counted = trials.Take(t + 1)
                .Where(r => r.State == TrialState.Complete && (r.Constraints is null || r.Constraints.All(c => c.Value <= 0)))
                .Select(r => r.Values!.ToArray()).ToArray();
            Assert.Equal(BruteForce.Hypervolume(counted, reference, directions), curve[t], 1e-12);
        }

        Assert.Equal(curve, HypervolumeCurve.Of([.. Enumerable.Reverse(trials)], reference, directions));
    }

    [Fact]
    public void Infeasible_failed_and_pruned_trials_never_add_volume()
    {
        Direction[] directions = [Direction.Minimize, Direction.Minimize];
        TrialRecord[] trials =
        [
            Trial(0, TrialState.Complete, [0, 0], 0.5),         // dominates everything, but infeasible
            Trial(1, TrialState.Complete, [1, 1]),              // the box [1, 2] x [1, 2]
            Trial(2, TrialState.Complete, [0, 0], -1, 0.01),    // one constraint violated: infeasible
            Trial(3, TrialState.Failed, null),
            Trial(4, TrialState.Pruned, null),
            Trial(5, TrialState.Complete, [0.5, 1.5], 0, -2),   // a constraint at exactly 0 is satisfied: adds 0.5 x 0.5
            Trial(6, TrialState.Complete, [1.5, 1.5]),          // dominated: adds nothing
        ];

        Assert.Equal([0, 1, 1, 1, 1, 1.25, 1.25], HypervolumeCurve.Of(trials, [2, 2], directions));
    }

    /// <summary>
    /// The same 40 points of each problem, in the same order, measured by our problems and curve and by
    /// <c>docs/bench/optuna5_mo_bench.py --values</c> (its own definitions of the problems, Optuna 5's
    /// <c>compute_hypervolume</c>): coordinate j of point i is ((i + 1)(j + 7) 37 mod 211) / 211 of the way across its
    /// range. The curve at 10, 25 and 40 points agrees to rounding, so the Optuna runs measure what the simulator does.
    /// </summary>
    [Theory]
    [InlineData("zdt1", 40, 86.76380518701886, 87.4016821070042, 87.75884461675672)]
    [InlineData("zdt2", 40, 66.58739834450347, 71.0322852553848, 78.90334629875368)]
    [InlineData("zdt3", 40, 91.74178241260505, 92.20101130465794, 92.51138825954858)]
    [InlineData("dtlz1", 40, 109498.80587233345, 320624.3092052195, 322605.5091656799)]
    [InlineData("dtlz2", 40, 0.22812335786169463, 0.7231361875698761, 1.0792444721378194)]
    [InlineData("binh-korn", 37, 4635.657255060443, 4975.372761371347, 5001.477325922662)]
    [InlineData("fonseca", 40, 0.004809261923348538, 0.007223893183618937, 0.007223937518421806)]
    public void Agrees_with_Optunas_hypervolume_on_the_same_points(string name, int feasible, double at10, double at25, double at40)
    {
        var problem = MultiObjectiveProblems.Get(name);
        var trials = Enumerable.Range(0, 40).Select(i =>
        {
            double[] x = [.. problem.Space.Dimensions.Select((d, j) => d.Low + (d.High - d.Low) * ((i + 1) * (j + 7) * 37 % 211) / 211.0)];
            return Trial(i, TrialState.Complete, problem.Evaluate(x), problem.Constraints?.Invoke(x) ?? []);
        }).ToArray();

        var curve = HypervolumeCurve.Of(trials, problem.Reference, problem.Directions);

        Assert.Equal(feasible, trials.Count(t => HypervolumeCurve.Counts(t, problem.Objectives)));
        Assert.Equal(at10, curve[9], at10 * 1e-12);
        Assert.Equal(at25, curve[24], at25 * 1e-12);
        Assert.Equal(at40, curve[39], at40 * 1e-12);
    }
}
