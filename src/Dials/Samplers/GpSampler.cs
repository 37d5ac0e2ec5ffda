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
/// <para>Conditional dimensions: the GP models the dimensions that are always active. The dimensions their chosen
/// values activate (one branch, such as the momentum of the optimizer chosen) are then proposed by a second GP over
/// the trials of that branch, with the always-active inputs held at the values chosen, when the branch holds the best
/// trial and has complete trials enough (five, and two more than its dimensions); otherwise, and for dimensions
/// nested deeper, by a multivariate <see cref="TpeSampler"/> on the same trials, given the values chosen for their
/// parents, which explores a branch rather than refining it.</para>
/// <para>Constraints (<see cref="Trial.SetConstraint"/>, met when at most 0): when the complete trials record any, each
/// constraint gets a GP of its own over the same inputs, and the acquisition becomes log EI plus the log probability
/// that every constraint is met (log Φ(-μ/σ) per constraint, computed stably far into the tail), with the best feasible
/// trial as the incumbent; while no trial is feasible, the probability of feasibility alone is maximised. A study
/// without constraints proposes exactly as before. One objective only, like the rest of the GP.</para>
/// <para>Cost grows with the cube of the number of trials (about 10 ms per proposal at 100 trials and 30 ms at 300 in 6
/// dimensions): for studies of thousands of trials prefer <see cref="TpeSampler"/> or <see cref="CmaEsSampler"/>.</para>
/// </remarks>
public sealed class GpSampler : IProposingSampler
{
    /// <summary>Complete trials the GP needs however many were pruned: two values to scale the others by.</summary>
    private const int MinimumComplete = 2;

    /// <summary>Complete trials a branch needs before its conditional dimensions get a GP of their own (and at least
    /// two more than it has such dimensions); TPE proposes them before that.</summary>
    private const int MinimumBranchComplete = 5;

    /// <summary>How far (in unit-cube coordinates) from the branch's best point its GP looks: the branch is refined, not
    /// searched again. Over the whole cube, a branch that is flat but for a narrow well (a momentum that pays off only
    /// with its learning rate) drew the GP to the cube's corners, where its uncertainty is largest.</summary>
    private const double BranchRadius = 0.1;

    private readonly long seed;
    private readonly int startupTrials;
    private readonly bool deterministicObjective;
    private readonly int candidates;
    private readonly int localSearches;
    private readonly QmcSampler startup;
    private readonly TpeSampler conditional;
    private readonly ConditionalWeakTable<SearchSpace, FitMemory> memories = new();

    /// <summary>Quasi-random trials before the Gaussian process is used, unless told otherwise.</summary>
    public const int DefaultStartupTrials = 10;

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
    public GpSampler(int? seed = null, int startupTrials = DefaultStartupTrials, bool deterministicObjective = false, int candidates = 2048,
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
        var hasConditions = space.Dimensions.Any(d => d.Condition is not null);
        // Every always-active point may have been tried (a lone choice of five trainers is after five trials), but a
        // conditional space's trial is new through its children: then the model chooses again, a repeat allowed,
        // rather than the point being drawn at random.
        var inputs = Search(data, features, memory, random, fixedInputs: null, repeatWhenAllTaken: hasConditions);

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
                  + (data.Count > data.CompleteCount ? $" and {data.Count - data.CompleteCount} pruned or failed" : "")
                  + (data.PendingCount > 0 ? $", {data.PendingCount} running" : "")
                  + (!data.HasConstraints ? ""
                      : data.HasFeasible ? "; weighed by the probability of meeting the constraints"
                      : "; no feasible trial yet, so by the probability of meeting the constraints alone");
        }

        features.Decode(inputs, point);
        FillSingleValued(space, point);
        if (hasConditions)
        {
            why += "; " + ProposeBranch(context, point, features, data.Values[data.BestRow], memory, random);
            // TPE applies the space's conditions to the point it completes, and proposes what the branch GP left.
            conditional.Complete(context, point);
        }

        return new Proposal(point, strategy, why);
    }

    /// <summary>
    /// The conditional dimensions the chosen values activate, by a GP of their own over the trials of that branch (its
    /// always-active inputs held at the chosen values), once the branch has trials enough; TPE proposes them before
    /// that. A child such as an optimizer's momentum often pays off only tuned together with the shared inputs (the
    /// learning rate), which a model of the branch sees and TPE's conditional densities learn slowly.
    /// </summary>
    /// <returns>How the branch was proposed, in words.</returns>
    private string ProposeBranch(SamplingContext context, double[] point, GpFeatures always, double bestValue, FitMemory memory,
        TrialRandom random)
    {
        if (GpFeatures.Branch(context.Space, always, point) is not { } branch)
        {
            return "conditional dimensions by TPE";
        }

        var data = GpData.From(context, branch);
        var needed = Math.Max(MinimumBranchComplete, branch.Count - branch.FixedCount + 2);
        if (data.CompleteCount < needed)
        {
            return $"conditional dimensions by TPE ({data.CompleteCount} of {needed} complete trials of this branch)";
        }

        if (data.Values[data.BestRow] < bestValue)
        {
            return "conditional dimensions by TPE (the best trial lies in another branch: this one is explored, not refined)";
        }

        var fixedInputs = new double[branch.Count];
        branch.Encode(point, fixedInputs);
        Array.Resize(ref fixedInputs, branch.FixedCount);
        var inputs = Search(data, branch, memory, random, fixedInputs, BranchRadius);
        if (inputs is null)
        {
            return "conditional dimensions by TPE (the branch's GP had no untried point left)";
        }

        branch.Decode(inputs, point);
        return $"this branch's {branch.Count - branch.FixedCount} conditional dimension(s) by a GP over its {data.CompleteCount} complete trial(s)";
    }

    /// <summary>Fits the GP to <paramref name="data"/> and maximises the acquisition over the inputs of
    /// <paramref name="features"/> that are not fixed; null when no untried point was found.</summary>
    /// <param name="data">The observations.</param>
    /// <param name="features">The inputs modelled.</param>
    /// <param name="memory">Where the fit starts and is remembered.</param>
    /// <param name="random">The trial's random stream.</param>
    /// <param name="fixedInputs">The values of the features' fixed inputs; null when none is fixed.</param>
    /// <param name="radius">When set, continuous inputs are searched only this far (in unit-cube coordinates) from the
    /// best observed point: a refinement around it.</param>
    /// <param name="repeatWhenAllTaken">When every point the search finds was already evaluated (or is running),
    /// search again with the same model allowing those, instead of returning null.</param>
    private double[]? Search(GpData data, GpFeatures features, FitMemory memory, TrialRandom random,
        double[]? fixedInputs, double? radius = null, bool repeatWhenAllTaken = false)
    {
        var targets = ObjectiveScaling.Targets(data.Values);
        if (Model(data, targets, features, memory) is not { } process)
        {
            return null;
        }

        // Points being evaluated are believed to score what the model expects there.
        var believed = new double[data.PendingCount];
        for (var p = 0; p < data.PendingCount; p++)
        {
            believed[p] = process.Posterior(data.PendingInputs.AsSpan(p * features.Count, features.Count)).Mean;
        }

        var withPending = process.WithObservations(data.PendingInputs, data.PendingCount, believed) ?? process;
        // Constraints: one GP each on the same inputs, and the incumbent is the best feasible trial (none while no
        // trial is feasible, when feasibility alone is sought).
        var constraints = data.HasConstraints
            ? ConstraintModels.Fit(data, (inputs, count, values, key) => Fit(inputs, count, values, features, memory, $"{features.Key}|{key}"))
            : null;
        var search = new AcquisitionSearch(withPending, features, data.HasFeasible ? targets[data.BestRow] : null, constraints);
        var warmStart = data.BestInputs;
        fixedInputs?.CopyTo(warmStart, 0);
        double[]? Maximize(int takenCount) => search.Maximize(random, CandidatesFor(withPending.Count), localSearches, [warmStart],
            data.Taken, takenCount, fixedInputs, radius is null ? null : warmStart, radius ?? 0.5);
        return Maximize(data.TakenCount) ?? (repeatWhenAllTaken ? Maximize(0) : null);
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
    private GaussianProcess? Model(GpData data, double[] targets, GpFeatures features, FitMemory memory) =>
        Fit(data.Inputs, data.Count, targets, features, memory, features.Key);

    /// <summary>Fits a GP to <paramref name="count"/> rows of <paramref name="inputs"/> (the objective, or a
    /// constraint), starting from and remembering the hyperparameters under <paramref name="key"/>.</summary>
    private GaussianProcess? Fit(double[] inputs, int count, double[] targets, GpFeatures features, FitMemory memory, string key)
    {
        var hyperparameters = HyperparameterFit.Fit(inputs, count, targets, features.IsCategorical,
            deterministicObjective, memory.Start(key, features.Count));
        var process = GaussianProcess.Create(inputs, count, targets, features.IsCategorical, hyperparameters);
        if (process is null)
        {
            // The fitted kernel cannot be factored (duplicate points and no noise): fall back to the initial kernel.
            hyperparameters = GpHyperparameters.Initial(features.Count);
            process = GaussianProcess.Create(inputs, count, targets, features.IsCategorical, hyperparameters);
        }

        memory.Remember(key, hyperparameters);
        return process;
    }

    /// <summary>Unconditional dimensions with a single value, which the GP does not model, take it.</summary>
    private static void FillSingleValued(SearchSpace space, double[] point)
    {
        for (var i = 0; i < point.Length; i++)
        {
            if (double.IsNaN(point[i]) && space.Dimensions[i].Condition is null)
            {
                point[i] = space.Dimensions[i].FromUnit(0.5);
            }
        }
    }

    /// <summary>The last fitted hyperparameters of each model of a space (the objective over the always-active inputs
    /// and over each branch's, and each constraint over them), where the next fit of that model starts.</summary>
    private sealed class FitMemory(GpFeatures features)
    {
        private readonly Lock gate = new();
        private readonly Dictionary<string, GpHyperparameters> last = new(StringComparer.Ordinal);

        public GpFeatures Features { get; } = features;

        public GpHyperparameters Start(string key, int inputs)
        {
            lock (gate)
            {
                return last.GetValueOrDefault(key) ?? GpHyperparameters.Initial(inputs);
            }
        }

        public void Remember(string key, GpHyperparameters fitted)
        {
            lock (gate)
            {
                last[key] = fitted;
            }
        }
    }
}
