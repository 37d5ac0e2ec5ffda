using Dials.Samplers.Nsga;

namespace Dials.Samplers;

/// <summary>
/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan, 2002): a genetic algorithm for several objectives that evolves a
/// population towards the Pareto front and along it. Each generation's children are bred from parents chosen by binary
/// tournament (lower non-dominated rank wins, then the larger crowding distance); the next parents are the best of the
/// old parents and the new children together (elitist survival), whole fronts first and, on the front that does not
/// fit, the members with the most room around them. Works with one objective too, and with constraints
/// (<see cref="Trial.SetConstraint"/>): a feasible trial outranks every infeasible one, and infeasible ones rank by
/// their total violation, as in Optuna.
/// </summary>
/// <remarks>
/// <para>Generation g is trials g·P to (g + 1)·P - 1 (P the population size), running trials included, so parallel
/// workers fill a generation exactly and every worker, in any process, computes the same parents from the stored
/// trials; the first generation is drawn at random. A generation's parents are the survivors of the trials complete
/// when it is proposed; failed and pruned trials take a place in their generation but never become parents.</para>
/// <para>Children respect every kind of dimension: numeric values are crossed by simulated binary crossover and mutated
/// by polynomial mutation in the unit space of <see cref="Dimension.ToUnit"/> (so on the log scale where there is one,
/// and back on the grid of integers, steps and powers of two), a categorical takes either parent's level and its
/// mutation draws a level afresh, and a conditional dimension the child activates but the parent it would inherit from
/// lacks takes the other parent's value, or a random one. Its trials record the strategy <c>nsga2</c>.</para>
/// <para>It needs many trials (several generations of P): for expensive objectives and budgets of a few hundred trials
/// multi-objective TPE usually finds a better front sooner.</para>
/// </remarks>
public sealed class NsgaIISampler : IProposingSampler, IMultiObjectiveSampler
{
    /// <summary>The population size unless told otherwise (Optuna's default).</summary>
    public const int DefaultPopulationSize = 50;

    /// <summary>The chance that a child is bred by crossover rather than copied from one parent, unless told otherwise.</summary>
    public const double DefaultCrossoverProbability = 0.9;

    private const string Strategy = "nsga2";
    private readonly long seed;
    private readonly int populationSize;
    private readonly double crossoverProbability;
    private readonly double? mutationProbability;

    /// <summary>Creates an NSGA-II sampler.</summary>
    /// <param name="seed">Seed of every trial's random stream; null for a random seed. Workers in several processes must
    /// share it for their children to be reproducible.</param>
    /// <param name="populationSize">Trials per generation, and parents kept from one generation to the next.</param>
    /// <param name="crossoverProbability">The chance that a child is bred by crossover; otherwise it copies one parent
    /// before mutation.</param>
    /// <param name="mutationProbability">The chance that each dimension of a child is mutated; null for one over the
    /// number of dimensions (one mutation per child on average).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="populationSize"/> is less than 2, or a probability
    /// is outside [0, 1].</exception>
    public NsgaIISampler(int? seed = null, int populationSize = DefaultPopulationSize,
        double crossoverProbability = DefaultCrossoverProbability, double? mutationProbability = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 2);
        CheckProbability(crossoverProbability, nameof(crossoverProbability));
        if (mutationProbability is { } mutation)
        {
            CheckProbability(mutation, nameof(mutationProbability));
        }

        this.seed = seed ?? TrialRandom.NewSeed();
        this.populationSize = populationSize;
        this.crossoverProbability = crossoverProbability;
        this.mutationProbability = mutationProbability;
    }

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        var generation = NsgaGenerations.Of(context.TrialNumber, populationSize);
        var random = new TrialRandom(seed, context.TrialNumber, purpose: 0x45);
        var parents = generation == 0
            ? null
            : NsgaGenerations.Parents(context.Trials, generation, populationSize, context.Directions);
        if (parents is not { Count: > 0 })
        {
            var unit = new double[space.Dimensions.Count];
            for (var i = 0; i < unit.Length; i++)
            {
                unit[i] = random.NextDouble();
            }

            var why = generation == 0
                ? "generation 0, random"
                : $"generation {generation}, random: no trial of an earlier generation is complete";
            return new Proposal(space.FromUnit(unit), Strategy, why);
        }

        var first = Tournament(parents, random);
        var second = Tournament(parents, random);
        var cross = first != second && random.NextDouble() < crossoverProbability;
        var mutation = mutationProbability ?? 1.0 / Math.Max(1, space.Dimensions.Count);
        var child = ChildBuilder.Build(space, parents.Members[first].Point, parents.Members[second].Point, cross,
            mutation, random);
        var reason = cross
            ? $"generation {generation}, crossover of trials {parents.Members[first].Number} and {parents.Members[second].Number}"
            : $"generation {generation}, mutation of trial {parents.Members[first].Number}";
        return new Proposal(child, Strategy, reason);
    }

    /// <summary>Binary tournament: the preferred of two parents drawn at random (lower rank, then more room).</summary>
    private static int Tournament(RankedPopulation parents, TrialRandom random)
    {
        var a = random.NextInt(parents.Count);
        var b = random.NextInt(parents.Count);
        return parents.Precedes(b, a) ? b : a;
    }

    private static void CheckProbability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability must lie in [0, 1].");
        }
    }
}
