using System.Runtime.CompilerServices;
using Dials.Samplers.Gp;

namespace Dials.Samplers;

/// <summary>
/// Bayesian optimisation with a Gaussian process: fits a GP (Matérn 5/2 kernel with one length scale per dimension) to
/// the trials so far and proposes the point of largest expected improvement. Spends the fewest trials of all the
/// strategies on smooth, low-dimensional objectives, which is what an expensive objective (a training run) needs.
/// </summary>
/// <remarks>
/// <para>The GP works in the unit cube the space maps to (<see cref="Dimension.ToUnit"/>: log-scaled dimensions and powers
/// of two on their log scale); integers and steps are rounded to their values before the kernel sees them; a
/// categorical dimension's levels are compared for equality only, each level its own value. Values worse than the
/// median are compressed logarithmically (a long tail of bad values would otherwise flatten the model), then standardised
/// (maximised internally whatever the direction). Kernel scale, length scales and noise are fitted by maximising the
/// marginal likelihood with priors, warm-started from the previous trial's fit. The acquisition is log expected
/// improvement, stable where plain EI underflows; it is maximised over 2,048 scrambled Sobol candidates and refined by
/// L-BFGS (continuous dimensions) and level-by-level search (discrete ones) from the best of them.</para>
/// <para>The first <c>startupTrials</c> finished trials (complete or pruned; at least two complete) are points of a
/// scrambled Sobol sequence (<see cref="QmcSampler"/>), which cover the space more evenly than random ones. Trials still running (parallel workers) enter the model as
/// observations of the value the model expects there ("Kriging believer"), which flattens the improvement around
/// them, and no point observed or running is proposed again. Pruned trials enter with the worst complete value, so the
/// search does not return to them; failed trials are ignored.</para>
/// <para>Conditional dimensions: the GP models the dimensions that are always active; dimensions active only under a
/// condition are proposed by a multivariate <see cref="TpeSampler"/> on the same trials, given the GP's values for
/// their parents.</para>
/// <para>Cost grows with the cube of the number of trials (about 10 ms per proposal at 100 trials and 30 ms at 300 in 6
/// dimensions): for studies of thousands of trials prefer <see cref="TpeSampler"/> or <see cref="CmaEsSampler"/>.</para>
/// </remarks>
public sealed class GpSampler : IProposingSampler
{
    /// <summary>Complete trials the GP needs however many were pruned: two values to scale the others by.</summary>
    private const int MinimumComplete = 2;

    private readonly long seed;
    private readonly int startupTrials;
    private readonly bool deterministicObjective;
    private readonly int candidates;
    private readonly int localSearches;
    private readonly QmcSampler startup;
    private readonly TpeSampler conditional;
    private readonly ConditionalWeakTable<SearchSpace, FitMemory> memories = new();

    /// <summary>Creates a GP sampler.</summary>
    /// <param name="seed">Seed of the start-up sequence's scramble and of every trial's random stream; null for a random seed.</param>
    /// <param name="startupTrials">Finished trials (complete or pruned; at least two complete) taken from the quasi-random
    /// start-up sequence before the GP is used.</param>
    /// <param name="deterministicObjective">Whether the objective returns the same value for the same point (a
    /// simulation, a fixed-seed training run): the noise is then fixed near zero instead of fitted, and the model
    /// interpolates the observations exactly.</param>
    /// <param name="candidates">Quasi-random candidates scored per proposal before local refinement.</param>
    /// <param name="localSearches">Candidates refined by local search per proposal.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="candidates"/> or
    /// <paramref name="localSearches"/> is not positive.</exception>
    public GpSampler(int? seed = null, int startupTrials = 10, bool deterministicObjective = false, int candidates = 2048,
        int localSearches = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(localSearches);
        this.seed = seed ?? TrialRandom.NewSeed();
        this.startupTrials = startupTrials;
        this.deterministicObjective = deterministicObjective;
        this.candidates = candidates;
        this.localSearches = localSearches;
        startup = new QmcSampler(seed: (int)(this.seed & 0x7FFFFFFF));
        conditional = new TpeSampler(seed: (int)((this.seed >> 31) & 0x7FFFFFFF));
    }

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        var memory = memories.GetValue(space, s => new FitMemory(GpFeatures.Of(s)));
        var features = memory.Features;
        var data = GpData.From(context, features);
        // Pruned trials count towards the start-up (they are observations, at the worst complete value): with an
        // aggressive pruner, waiting for complete trials alone kept whole studies in their start-up.
        if (data.Count < startupTrials || data.CompleteCount < MinimumComplete || features.Count == 0)
        {
            var reason = features.Count == 0
                ? "no dimension is always active with more than one value, so there is nothing for a GP to model"
                : $"{data.Count} of {startupTrials} start-up trials finished ({data.CompleteCount} complete, at least {MinimumComplete} needed)";
            return new Proposal(startup.Sample(context), "QMC start-up", reason);
        }

        var random = new TrialRandom(seed, context.TrialNumber, purpose: 0x69);
        var targets = ObjectiveScaling.Targets(data.Values);
        var process = Model(data, targets, features, memory);
        double[]? inputs = null;
        if (process is not null)
        {
            // Points being evaluated are believed to score what the model expects there.
            var believed = new double[data.PendingCount];
            for (var p = 0; p < data.PendingCount; p++)
            {
                believed[p] = process.Posterior(data.PendingInputs.AsSpan(p * features.Count, features.Count)).Mean;
            }

            var withPending = process.WithObservations(data.PendingInputs, data.PendingCount, believed) ?? process;
            var search = new AcquisitionSearch(withPending, features, targets[data.BestRow]);
            inputs = search.Maximize(random, CandidatesFor(withPending.Count), localSearches, [data.BestInputs], data.Taken, data.TakenCount);
        }

        var point = new double[space.Dimensions.Count];
        Array.Fill(point, double.NaN);
        string strategy = "GP", why;
        if (inputs is null)
        {
            inputs = new double[features.Count];
            for (var j = 0; j < features.Count; j++)
            {
                inputs[j] = features.FromUniform(j, random.NextDouble());
            }

            strategy = "random";
            why = "the GP had no untried point left to propose";
        }
        else
        {
            why = $"GP over {features.Count} dimension(s), {data.CompleteCount} complete trial(s)"
                  + (data.Count > data.CompleteCount ? $" and {data.Count - data.CompleteCount} pruned" : "")
                  + (data.PendingCount > 0 ? $", {data.PendingCount} running" : "");
        }

        features.Decode(inputs, point);
        var conditions = space.Dimensions.Any(d => d.Condition is not null);
        FillOthers(context, point, conditions);
        return new Proposal(point, strategy, conditions ? why + "; conditional dimensions by TPE" : why);
    }

    /// <summary>
    /// The candidates to score with <paramref name="observations"/> observations: all of them up to 200 observations,
    /// then fewer, so that scoring (a triangular solve per candidate, n² each) costs no more than at 200; never fewer
    /// than 256. By then the local refinement from the best candidates and the incumbent does the finding.
    /// </summary>
    private int CandidatesFor(int observations)
    {
        const double Budget = 200.0 * 200.0 * 2048;
        return observations <= 200 ? candidates : Math.Min(candidates, Math.Max(256, (int)(Budget / ((double)observations * observations))));
    }

    /// <summary>Fits the hyperparameters (warm-started from the last fit) and builds the GP on the scaled values.</summary>
    private GaussianProcess? Model(GpData data, double[] targets, GpFeatures features, FitMemory memory)
    {
        var hyperparameters = HyperparameterFit.Fit(data.Inputs, data.Count, targets, features.IsCategorical,
            deterministicObjective, memory.Start(features.Count));
        var process = GaussianProcess.Create(data.Inputs, data.Count, targets, features.IsCategorical, hyperparameters);
        if (process is null)
        {
            // The fitted kernel cannot be factored (duplicate points and no noise): fall back to the initial kernel.
            hyperparameters = GpHyperparameters.Initial(features.Count);
            process = GaussianProcess.Create(data.Inputs, data.Count, targets, features.IsCategorical, hyperparameters);
        }

        memory.Remember(hyperparameters);
        return process;
    }

    /// <summary>Dimensions the GP does not model: single-valued ones take their value, conditional ones come from TPE.</summary>
    private void FillOthers(SamplingContext context, double[] point, bool conditions)
    {
        var space = context.Space;
        for (var i = 0; i < point.Length; i++)
        {
            var dimension = space.Dimensions[i];
            if (double.IsNaN(point[i]) && dimension.Condition is null)
            {
                point[i] = dimension.FromUnit(0.5);
            }
        }

        // TPE applies the space's conditions to the point it completes; without conditions there are none to apply.
        if (conditions)
        {
            conditional.Complete(context, point);
        }
    }

    /// <summary>The last fitted hyperparameters of a space, where the next fit starts.</summary>
    private sealed class FitMemory(GpFeatures features)
    {
        private readonly Lock gate = new();
        private GpHyperparameters? last;

        public GpFeatures Features { get; } = features;

        public GpHyperparameters Start(int inputs)
        {
            lock (gate)
            {
                return last ?? GpHyperparameters.Initial(inputs);
            }
        }

        public void Remember(GpHyperparameters fitted)
        {
            lock (gate)
            {
                last = fitted;
            }
        }
    }
}
