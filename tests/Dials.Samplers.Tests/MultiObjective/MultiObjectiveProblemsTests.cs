using Dials.Simulation;
using Dials.MultiObjective;

namespace Dials.Samplers.Tests.MultiObjective;

public sealed class MultiObjectiveProblemsTests
{
    /// <summary>Pareto-optimal points on a regular grid of front parameters, per parameter axis.</summary>
    private static double[][] SampledFront(MultiObjectiveProblem problem, int perAxis)
    {
        var steps = Enumerable.Range(0, perAxis).Select(i => i / (double)(perAxis - 1)).ToArray();
        IEnumerable<double[]> parameters = problem.Objectives == 2
            ? steps.Select(t => new[] { t })
            : steps.SelectMany(s => steps.Select(t => new[] { s, t }));
        return [.. parameters.Select(t => problem.Evaluate(problem.ParetoOptimal(t)))];
    }

    /// <summary>
    /// The stated optimal hypervolume against the exact hypervolume of a dense sample of the front, at a reference
    /// close to the front (its nadir, or just past it), where the front's shape is most of the volume. A finite
    /// sample dominates a little less than the whole front, by about one grid step's worth, and never more.
    /// </summary>
    [Theory]
    [InlineData("zdt1", new[] { 1.0, 1.0 }, 20001, 1e-4)]
    [InlineData("zdt2", new[] { 1.0, 1.0 }, 20001, 1e-4)]
    [InlineData("zdt3", new[] { 1.0, 1.0 }, 20001, 1e-4)]
    [InlineData("zdt3", new[] { 11.0, 11.0 }, 20001, 1e-4)]
    [InlineData("dtlz1", new[] { 0.5, 0.5, 0.5 }, 301, 2e-3)]
    [InlineData("dtlz1", new[] { 1.0, 1.0, 1.0 }, 301, 2e-3)]
    [InlineData("dtlz2", new[] { 1.0, 1.0, 1.0 }, 301, 2e-2)]
    [InlineData("binh-korn", new[] { 136.0, 50.0 }, 20001, 1e-4)]
    public void The_optimal_hypervolume_is_what_a_dense_sample_of_the_front_approaches(
        string name, double[] reference, int perAxis, double relativeGap)
    {
        var problem = MultiObjectiveProblems.Get(name);
        var optimum = problem.OptimalHypervolumeAt(reference);

        var sampled = Hypervolume.Compute(SampledFront(problem, perAxis), reference, problem.Directions);

        Assert.InRange(sampled, optimum * (1 - relativeGap), optimum + 1e-12);
    }

    [Fact]
    public void The_stated_optima_at_the_default_references()
    {
        Assert.Equal(121 - 1.0 / 3, MultiObjectiveProblems.Zdt1().OptimalHypervolume, 1e-12);
        Assert.Equal(121 - 2.0 / 3, MultiObjectiveProblems.Zdt2().OptimalHypervolume, 1e-12);
        Assert.Equal(128.77811613069076, MultiObjectiveProblems.Zdt3().OptimalHypervolume, 1e-12);
        Assert.Equal(1e6 - 1.0 / 48, MultiObjectiveProblems.Dtlz1().OptimalHypervolume, 1e-6);
        Assert.Equal(3.375 - Math.PI / 6, MultiObjectiveProblems.Dtlz2().OptimalHypervolume, 1e-12);
        Assert.Equal(15856.0 / 3, MultiObjectiveProblems.BinhKorn().OptimalHypervolume, 1e-9);
    }

    [Fact]
    public void The_standard_numbers_of_variables()
    {
        Assert.Equal([30, 30, 30, 7, 12, 2], MultiObjectiveProblems.All.Select(p => p.Space.Dimensions.Count));
        Assert.Equal([2, 2, 2, 3, 3, 2], MultiObjectiveProblems.All.Select(p => p.Objectives));
    }

    [Theory]
    [InlineData("zdt1")]
    [InlineData("zdt2")]
    [InlineData("zdt3")]
    [InlineData("dtlz1")]
    [InlineData("dtlz2")]
    [InlineData("binh-korn")]
    public void No_random_point_dominates_a_pareto_optimal_one(string name)
    {
        var problem = MultiObjectiveProblems.Get(name);
        var random = new Random(7);
        var front = SampledFront(problem, problem.Objectives == 2 ? 101 : 21);
        var randomPoints = Enumerable.Range(0, 2000)
            .Select(_ => problem.Evaluate([.. problem.Space.Dimensions.Select(d => d.Low + random.NextDouble() * (d.High - d.Low))]))
            .ToArray();

        Assert.All(front, optimal => Assert.DoesNotContain(randomPoints, p => Dominance.Dominates(p, optimal, problem.Directions)));
    }

    [Fact]
    public void The_front_points_lie_on_the_stated_curves_and_surfaces()
    {
        foreach (var t in new[] { 0.0, 0.3, 0.81, 1.0 })
        {
            var zdt1 = MultiObjectiveProblems.Zdt1().Evaluate(MultiObjectiveProblems.Zdt1().ParetoOptimal([t]));
            Assert.Equal(1 - Math.Sqrt(zdt1[0]), zdt1[1], 1e-12);

            var dtlz1 = MultiObjectiveProblems.Dtlz1().Evaluate(MultiObjectiveProblems.Dtlz1().ParetoOptimal([t, 1 - t / 2]));
            Assert.Equal(0.5, dtlz1.Sum(), 1e-12);

            var dtlz2 = MultiObjectiveProblems.Dtlz2().Evaluate(MultiObjectiveProblems.Dtlz2().ParetoOptimal([t, t / 3]));
            Assert.Equal(1, Math.Sqrt(dtlz2.Sum(f => f * f)), 1e-12);
        }
    }

    [Fact]
    public void Binh_and_Korn_is_feasible_on_its_front_and_cut_off_near_the_origin_corner()
    {
        var problem = MultiObjectiveProblems.BinhKorn();
        var constraints = problem.Constraints!;

        foreach (var t in Enumerable.Range(0, 101).Select(i => i / 100.0))
        {
            Assert.True(Dominance.IsFeasible(constraints(problem.ParetoOptimal([t]))));
        }

        // Outside the disc of radius 5 about (5, 0); the second constraint never binds in the box.
        Assert.False(Dominance.IsFeasible(constraints([0.5, 3])));
        Assert.True(Dominance.IsFeasible(constraints([5, 0])));
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(constraints([random.NextDouble() * 5, random.NextDouble() * 3])[1] < 0);
        }
    }
}
