namespace Dials.Samplers;

/// <summary>
/// Covariance matrix adaptation evolution strategy (CMA-ES) over the space's unconditional numeric dimensions, in
/// the unit cube of <see cref="Dimension.ToUnit"/> (log-aware; integers and other discrete values by snapping to
/// their grid). Categorical and conditional dimensions are drawn by an independent sampler (uniformly at random
/// unless one is given).
/// </summary>
/// <remarks>
/// <para>The sampler keeps no state: on every proposal it replays the study's complete trials, in number order and
/// in chunks of one population, through the CMA-ES update, then draws from the resulting distribution. A sequential
/// study is therefore exactly standard CMA-ES, parallel workers simply see fewer finished generations, and nothing
/// needs storing beside the trials. Failed, pruned and running trials are skipped.</para>
/// <para>With <c>restarts</c>, a run that has converged or degenerated restarts from the start point with twice
/// the population (IPOP-CMA-ES), which helps on multimodal functions.</para>
/// <para>Its trials record the strategy <c>CMA-ES</c>, with the generation (and restart) that drew them. There is no
/// random start-up phase: the first generation is drawn from the initial distribution around the start point. A
/// space without a dimension CMA-ES can model is drawn entirely by the independent sampler, and recorded so.</para>
/// </remarks>
public sealed class CmaEsSampler : IProposingSampler
{
    private readonly long seed;
    private readonly double sigma0;
    private readonly int? populationSize;
    private readonly bool restarts;
    private readonly CmaEsStart start;
    private readonly ISampler? independentSampler;

    /// <summary>The initial step size in the unit cube, unless told otherwise: a sixth of each range, so that the
    /// start's three-sigma region covers the range.</summary>
    public const double DefaultSigma0 = 1.0 / 6;

    /// <summary>Creates a CMA-ES sampler.</summary>
    /// <param name="seed">Seed of every trial's random stream; null for a random seed.</param>
    /// <param name="sigma0">Initial step size, as a fraction of each dimension's (unit) range.</param>
    /// <param name="populationSize">Candidates per generation; by default 4 + floor(3 ln n) for n dimensions.</param>
    /// <param name="restarts">Whether to restart with a doubled population when a run converges (IPOP).</param>
    /// <param name="start">Where the first distribution is centred.</param>
    /// <param name="independentSampler">Draws the dimensions CMA-ES does not model (categorical, conditional);
    /// null draws them uniformly at random.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma0"/> is not in (0, 1], or
    /// <paramref name="populationSize"/> is below 2.</exception>
    public CmaEsSampler(int? seed = null, double sigma0 = DefaultSigma0, int? populationSize = null, bool restarts = false,
        CmaEsStart start = CmaEsStart.Center, ISampler? independentSampler = null)
    {
        if (!(sigma0 > 0 && sigma0 <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma0), sigma0, "The initial step size must be in (0, 1].");
        }

        if (populationSize is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "The population needs at least 2 candidates.");
        }

        this.seed = seed ?? TrialRandom.NewSeed();
        this.sigma0 = sigma0;
        this.populationSize = populationSize;
        this.restarts = restarts;
        this.start = start;
        this.independentSampler = independentSampler;
    }

    /// <summary>The default population for <paramref name="dimensions"/> dimensions: 4 + floor(3 ln n).</summary>
    public static int DefaultPopulationSize(int dimensions) => 4 + (int)Math.Floor(3 * Math.Log(Math.Max(dimensions, 1)));

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        var random = new TrialRandom(seed, context.TrialNumber);
        var point = Independent(context, random);
        var modelled = ModelledDimensions(space);
        if (modelled.Length == 0)
        {
            space.ApplyConditions(point);
            return new Proposal(point, independentSampler is null ? "random" : independentSampler.GetType().Name,
                "CMA-ES models numeric, unconditional dimensions only, and this space has none");
        }

        var run = Replay(context, modelled);
        var x = run.State.Ask(random);
        for (var j = 0; j < modelled.Length; j++)
        {
            point[modelled[j]] = space.Dimensions[modelled[j]].FromUnit(x[j]);
        }

        space.ApplyConditions(point);
        return new Proposal(point, "CMA-ES", Reason(run, modelled.Length < space.Dimensions.Count));
    }

    private static string Reason(CmaEsRun run, bool drawsOthers)
    {
        var generation = run.Generations == 0
            ? $"first generation of {run.State.PopulationSize}, drawn around the start point"
            : $"generation {run.Generations + 1} of {run.State.PopulationSize}";
        var restarts = run.Restarts == 0 ? "" : $", after {run.Restarts} restart{(run.Restarts == 1 ? "" : "s")}";
        var others = drawsOthers ? "; categorical and conditional dimensions drawn independently" : "";
        return generation + restarts + others;
    }

    private double[] Independent(SamplingContext context, TrialRandom random)
    {
        if (independentSampler is not null)
        {
            return independentSampler.Sample(context);
        }

        var unit = new double[context.Space.Dimensions.Count];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = random.NextDouble();
        }

        return context.Space.FromUnit(unit);
    }

    private static int[] ModelledDimensions(SearchSpace space)
    {
        var modelled = new List<int>();
        for (var i = 0; i < space.Dimensions.Count; i++)
        {
            if (space.Dimensions[i].Kind != DimensionKind.Categorical && space.ParentOf(i) < 0)
            {
                modelled.Add(i);
            }
        }

        return [.. modelled];
    }

    // Tells the complete trials, in number order and one population at a time, to a fresh run; the generation
    // still being filled (and running trials) will be told once it is complete.
    private CmaEsRun Replay(SamplingContext context, int[] modelled)
    {
        var space = context.Space;
        var sign = context.Direction == Direction.Maximize ? -1.0 : 1.0;
        var lambda = populationSize ?? DefaultPopulationSize(modelled.Length);
        var initialMean = StartPoint(space, modelled);
        var state = new CmaEsState(initialMean, sigma0, lambda);
        var points = new List<double[]>(lambda);
        var values = new List<double>(lambda);
        var generations = 0;
        var restarted = 0;
        foreach (var trial in context.Trials)
        {
            if (trial.State != TrialState.Complete || trial.Value is not { } value || !double.IsFinite(value)
                || trial.Number == context.TrialNumber || trial.Point.Count != space.Dimensions.Count)
            {
                continue;
            }

            var x = new double[modelled.Length];
            for (var j = 0; j < modelled.Length; j++)
            {
                x[j] = space.Dimensions[modelled[j]].ToUnit(trial.Point[modelled[j]]);
            }

            points.Add(x);
            values.Add(sign * value);
            if (points.Count < state.PopulationSize)
            {
                continue;
            }

            state.Tell(points, values);
            points.Clear();
            values.Clear();
            generations++;
            if (state.Exhausted && restarts)
            {
                state = new CmaEsState(initialMean, sigma0, state.PopulationSize * 2);
                generations = 0;
                restarted++;
            }
        }

        return new CmaEsRun(state, generations, restarted);
    }

    /// <summary>The run a replay ends in: its distribution, how many generations it has been told since it (re)started,
    /// and how many restarts came before it.</summary>
    private sealed record CmaEsRun(CmaEsState State, int Generations, int Restarts);

    private double[] StartPoint(SearchSpace space, int[] modelled)
    {
        var mean = new double[modelled.Length];
        var defaults = start == CmaEsStart.Default ? space.DefaultPoint : null;
        var random = new TrialRandom(seed, -1); // one stream for the whole study, so every trial agrees on it
        for (var j = 0; j < modelled.Length; j++)
        {
            mean[j] = start switch
            {
                CmaEsStart.Default => space.Dimensions[modelled[j]].ToUnit(defaults![modelled[j]]),
                CmaEsStart.Random => random.NextDouble(),
                _ => 0.5,
            };
        }

        return mean;
    }
}
