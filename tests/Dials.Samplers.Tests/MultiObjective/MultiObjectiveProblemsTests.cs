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
    [InlineData("fonseca", new[] { 1.0, 1.0 }, 20001, 1e-4)]
    [InlineData("fonseca:7", new[] { 1.2, 1.1 }, 20001, 1e-4)]
    [InlineData("zdt1:4", new[] { 1.0, 1.0 }, 20001, 1e-4)]
    [InlineData("dtlz2:5", new[] { 1.0, 1.0, 1.0 }, 301, 2e-2)]
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
        Assert.Equal(0.3421155931198939, MultiObjectiveProblems.Fonseca().OptimalHypervolume, 1e-15);
    }

    [Fact]
    public void Fonsecas_stated_optimum_agrees_with_sampling_the_unit_square()
    {
        // A point of [0, 1)^2 is dominated by the front when, at its first objective, the front's lowest second
        // objective is at most its own; a million random points estimate the dominated share to about 5e-4.
        var problem = MultiObjectiveProblems.Fonseca();
        var front = Enumerable.Range(0, 200001).Select(i => problem.Evaluate(problem.ParetoOptimal([i / 200000.0]))).OrderBy(f => f[0]).ToArray();
        var lowestSecond = new double[front.Length];
        for (var i = 0; i < front.Length; i++)
        {
            lowestSecond[i] = Math.Min(front[i][1], i > 0 ? lowestSecond[i - 1] : double.PositiveInfinity);
        }

        var firsts = front.Select(f => f[0]).ToArray();
        var random = new Random(11);
        var dominated = 0;
        const int samples = 1_000_000;
        for (var n = 0; n < samples; n++)
        {
            double a = random.NextDouble(), b = random.NextDouble();
            var at = Array.BinarySearch(firsts, a);
            var last = at >= 0 ? at : ~at - 1;
            dominated += last >= 0 && lowestSecond[last] <= b ? 1 : 0;
        }

        Assert.Equal(problem.OptimalHypervolume, dominated / (double)samples, 2e-3);
    }

    [Theory]
    [InlineData("zdt1:4", 4, 2)]
    [InlineData("ZDT3:2", 2, 2)]
    [InlineData("dtlz1:3", 3, 3)]
    [InlineData("dtlz2:20", 20, 3)]
    [InlineData("fonseca:1", 1, 2)]
    [InlineData("dtlz2:12", 12, 3)]
    public void A_scalable_problem_takes_its_number_of_variables_from_its_name(string name, int variables, int objectives)
    {
        var problem = MultiObjectiveProblems.Get(name);

        Assert.Equal(variables, problem.Space.Dimensions.Count);
        Assert.Equal(objectives, problem.Objectives);
        Assert.Equal(name is "dtlz2:12" ? "dtlz2" : name.ToLowerInvariant(), problem.Name); // the standard size keeps its plain name
        Assert.Equal(MultiObjectiveProblems.Get(name[..name.IndexOf(':', StringComparison.Ordinal)]).OptimalHypervolume, problem.OptimalHypervolume, 1e-12);
    }

    [Theory]
    [InlineData("zdt1:1", "zdt1 takes 2 to 1000 variables, not 1")]
    [InlineData("dtlz1:2", "dtlz1 takes 3 to 1000 variables, not 2")]
    [InlineData("binh-korn:3", "Unknown problem 'binh-korn:3'")]
    [InlineData("zdt1:x", "Unknown problem 'zdt1:x'")]
    [InlineData("zdt1:-4", "Unknown problem 'zdt1:-4'")]
    public void A_number_of_variables_a_problem_cannot_take_is_an_error_naming_it(string name, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => MultiObjectiveProblems.Get(name));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standard_numbers_of_variables()
    {
        Assert.Equal([30, 30, 30, 7, 12, 2, 3], MultiObjectiveProblems.All.Select(p => p.Space.Dimensions.Count));
        Assert.Equal([2, 2, 2, 3, 3, 2, 2], MultiObjectiveProblems.All.Select(p => p.Objectives));
    }

    [Theory]
    [InlineData("zdt1")]
    [InlineData("zdt2")]
    [InlineData("zdt3")]
    [InlineData("dtlz1")]
    [InlineData("dtlz2")]
    [InlineData("binh-korn")]
    [InlineData("fonseca")]
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

            // Fonseca and Fleming's front at u = 2t - 1, whatever the number of variables.
            var u = 2 * t - 1;
            var fonseca = MultiObjectiveProblems.Fonseca(5).Evaluate(MultiObjectiveProblems.Fonseca(5).ParetoOptimal([t]));
            Assert.Equal(1 - Math.Exp(-(u - 1) * (u - 1)), fonseca[0], 1e-12);
            Assert.Equal(1 - Math.Exp(-(u + 1) * (u + 1)), fonseca[1], 1e-12);
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
