using System.Buffers;
using System.Runtime.CompilerServices;

namespace Dials.Samplers;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al., 2011): splits the trials so far into the best few ("below",
/// a fraction set by <c>gamma</c>) and the rest ("above"), fits a Parzen density to each, draws candidates from the
/// density of the good ones, and proposes the candidate where good-density over bad-density is largest.
/// </summary>
/// <remarks>
/// <para>Numeric dimensions are modelled in the unit interval of <see cref="Dimension.ToUnit"/> (log-aware; discrete
/// values own bins and are scored by the bins' mass), categorical ones by smoothed choice frequencies.</para>
/// <para>Conditional dimensions are fitted only on the trials where they were active. In multivariate mode the
/// dimensions under the same conditions form a group modelled jointly, which captures interactions between them;
/// in univariate mode every dimension is modelled on its own.</para>
/// <para>Three refinements over the classic algorithm, each chosen on held-out seeds (docs/benchmarks.md, "TPE's weak
/// spots"): in a group of more than six dimensions the good group is a smaller fraction of the trials
/// (<see cref="DefaultGammaForGroup"/>); a categorical level that gates conditional dimensions keeps a minimum share
/// of the trials, about 1.75 sqrt(n) of n for three levels, and its children are modelled after 3 trials, so a
/// branch is not abandoned before its children were tuned; and in a space of discrete dimensions only, a point
/// already evaluated is not proposed again while the candidates offer a new one.</para>
/// <para>Until a group has <c>startupTrials</c> finished observations it is sampled uniformly at random. Pruned
/// trials count, ranked after complete ones by how far they got and their last intermediate value; failed trials
/// are ignored. With <c>constantLiar</c>, trials still running are counted among the worst, so parallel workers
/// are steered away from points already being evaluated.</para>
/// <para>In a study of several objectives (<see cref="SamplingContext.Directions"/>) the good group is 10 % of the
/// finished trials (<see cref="DefaultGammaMultiObjective"/>), chosen front by front and, within the first front that
/// does not fit, for the hypervolume its members add; its trials weigh the same. A trial that breaks a constraint
/// (<see cref="TrialRecord.Constraints"/>) ranks after every feasible finished trial, by its total violation, so it is
/// good only while feasible trials are too few to fill the good group. Without constraints and with one objective
/// nothing of this applies.</para>
/// <para>Randomness for a trial comes from the seed and the trial's number only: workers never share draws, and a
/// sequential study with a seed is exactly reproducible.</para>
/// </remarks>
public sealed class TpeSampler : IProposingSampler, IMultiObjectiveSampler
{
    private readonly long seed;
    private readonly int startupTrials;
    private readonly int? candidates;
    private readonly bool? multivariate;
    private readonly double priorWeight;
    private readonly bool considerMagicClip;
    private readonly bool considerEndpoints;
    private readonly bool constantLiar;
    private readonly Func<int, int>? gamma;
    private readonly ConditionalWeakTable<SearchSpace, GroupDimension[][]> groupsBySpace = new();
    private readonly ConditionalWeakTable<SearchSpace, GroupDimension[][]> dimensionsBySpace = new();
    private readonly ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache> coordinateCaches = new();
    private readonly ConditionalWeakTable<GroupDimension[], KeptDensities> keptDensities = new();

    /// <summary>Trials sampled at random before the Parzen estimators are used, unless told otherwise.</summary>
    public const int DefaultStartupTrials = 10;

    /// <summary>Candidates drawn per proposal in a study of one objective, unless told otherwise (Optuna's 24).</summary>
    public const int DefaultCandidates = 24;

    /// <summary>Candidates drawn per proposal in a study of several objectives, unless told otherwise.</summary>
    /// <remarks>Twice <see cref="DefaultCandidates"/>: picking the best of more candidates exploits the few good
    /// trials harder, which DTLZ1 (a front behind 11^5 local optima) rewards early. Over 80 seeds and again over 80
    /// held-out ones, its median hypervolume at 50 trials rose from 0.375 to 0.426 and from 0.373 to 0.416 of the
    /// optimum; on the other problems the change stayed within the seeds' spread (docs/benchmarks.md). Each
    /// candidate costs one evaluation of both densities, which is small next to fitting them.</remarks>
    public const int DefaultCandidatesMultiObjective = 48;

    /// <summary>The most dimensions a space of a study of several objectives may have for the default to model them
    /// jointly.</summary>
    /// <remarks>A front whose trade-off moves several dimensions together (Binh and Korn's Pareto set is the line
    /// x1 = x0) is learnt only by the joint model: there it lifts the hypervolume at 50 trials from 0.944 to 0.966 of
    /// the optimum. The few good trials of a wide space spread along a front are too few for a joint density: on
    /// ZDT1, DTLZ1 and DTLZ2 (7 to 30 dimensions) it fell far behind the one-by-one model. Measured on test problems
    /// of 2 to 8 dimensions (docs/benchmarks.md, "One by one or jointly"), the joint model's gain where the front
    /// is diagonal stays large at every size, while its loss where the front follows the axes stays under 0.02 of
    /// the optimum up to three dimensions and grows beyond.</remarks>
    public const int MultiObjectiveJointDimensions = 3;

    /// <summary>Creates a TPE sampler.</summary>
    /// <param name="seed">Seed of every trial's random stream; null for a random seed.</param>
    /// <param name="startupTrials">Finished trials sampled uniformly at random before the model is used.</param>
    /// <param name="candidates">Candidates drawn from the good density per proposal (per dimension when univariate);
    /// null for <see cref="DefaultCandidates"/> with one objective and <see cref="DefaultCandidatesMultiObjective"/>
    /// with several.</param>
    /// <param name="multivariate">Whether dimensions that are active together are modelled jointly; null (the
    /// default) for jointly in a study of one objective, and in a study of several jointly only in a space of at most
    /// <see cref="MultiObjectiveJointDimensions"/> dimensions, one by one beyond (Optuna 5 always goes one by one
    /// there).</param>
    /// <param name="priorWeight">Weight of a broad prior kernel in each density; 0 disables the prior.</param>
    /// <param name="considerMagicClip">Whether to keep kernel widths above a floor that shrinks with the number of
    /// observations, so kernels never collapse onto clusters.</param>
    /// <param name="considerEndpoints">Whether the bounds count as neighbours when sizing the edge kernels
    /// (univariate mode).</param>
    /// <param name="constantLiar">Whether running trials count as the worst observations, so that parallel workers
    /// do not propose near-duplicates of points still being evaluated.</param>
    /// <param name="gamma">How many of <c>n</c> ranked trials form the good group; by default
    /// <see cref="DefaultGammaForGroup"/> of the number of dimensions modelled together.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or weight is negative, or <paramref name="candidates"/> is not positive.</exception>
    public TpeSampler(int? seed = null, int startupTrials = DefaultStartupTrials, int? candidates = null, bool? multivariate = null,
        double priorWeight = 1.0, bool considerMagicClip = true, bool considerEndpoints = false, bool constantLiar = true,
        Func<int, int>? gamma = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        if (candidates is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(candidates));
        }

        if (!(priorWeight >= 0) || double.IsInfinity(priorWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "The prior weight must be a finite number >= 0.");
        }

        this.seed = seed ?? TrialRandom.NewSeed();
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.multivariate = multivariate;
        this.priorWeight = priorWeight;
        this.considerMagicClip = considerMagicClip;
        this.considerEndpoints = considerEndpoints;
        this.constantLiar = constantLiar;
        this.gamma = gamma;
    }

    /// <summary>Whether each group's two densities are kept between proposals and updated rather than fitted afresh
    /// (the same densities either way; off only to check that in tests).</summary>
    internal bool KeepsDensities { get; init; } = true;

    /// <summary>Whether a proposal stops summing the bad density at candidates that cannot win
    /// (<see cref="BestRatioSearch"/>); off only in tests, which compare the two.</summary>
    internal bool SearchesBestRatio { get; init; } = true;

    /// <summary>The default size of the good group among <paramref name="n"/> ranked trials: 10 %, rounded up,
    /// at most 25.</summary>
    public static int DefaultGamma(int n) => Math.Min((n + 9) / 10, 25);

    /// <summary>The default size of the good group among <paramref name="n"/> ranked trials of a group of
    /// <paramref name="dimensions"/> dimensions modelled together: <see cref="DefaultGamma"/> up to six dimensions;
    /// beyond, 10 % x 6 / <paramref name="dimensions"/> of the trials, rounded up, at most 25.</summary>
    /// <remarks>The best tenth of the trials occupies about a tenth of the volume searched, which in d dimensions
    /// spans 0.1^(1/d) of each range: 0.56 in four dimensions, but 0.89 in twenty, where the good density is hardly
    /// more concentrated than the bad one and their ratio guides little. A smaller fraction in many dimensions
    /// restores the contrast (a 20-D sphere's regret at 200 trials halves); up to six dimensions (Hartmann6, the mixed
    /// space) shrinking it cost more than it gained.</remarks>
    public static int DefaultGammaForGroup(int n, int dimensions) =>
        dimensions <= 6 ? DefaultGamma(n) : Math.Min((int)((6L * n + 10L * dimensions - 1) / (10L * dimensions)), 25);

    /// <summary>The default size of the good group among <paramref name="n"/> trials of a study of several
    /// objectives: 10 %, rounded up, without <see cref="DefaultGamma"/>'s cap (as Optuna's multi-objective TPE), since
    /// the good trials spread over a whole front rather than gather at one optimum.</summary>
    public static int DefaultGammaMultiObjective(int n) => (n + 9) / 10;

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <summary>Proposes a point as <see cref="Sample"/> does. The strategy is <c>random start-up</c> while no
    /// group of dimensions is modelled yet (the reason says how many start-up trials are done), <c>TPE</c> after;
    /// its reason names groups still in their start-up and branches kept in play, and is null when there are none.</summary>
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var point = new double[context.Space.Dimensions.Count];
        Array.Fill(point, double.NaN);
        return Complete(context, point);
    }

    /// <summary>Samples the dimensions of <paramref name="point"/> that are still NaN, given the others (how another
    /// sampler hands TPE the dimensions it does not model), and applies the space's conditions.</summary>
    internal Proposal Complete(SamplingContext context, double[] point)
    {
        var space = context.Space;
        var random = new TrialRandom(seed, context.TrialNumber);
        var multivariate = this.multivariate ?? (!context.IsMultiObjective || space.Dimensions.Count <= MultiObjectiveJointDimensions);
        var groups = multivariate
            ? groupsBySpace.GetValue(space, s => DimensionGroups.Of(s, true))
            : dimensionsBySpace.GetValue(space, s => DimensionGroups.Of(s, false));
        TpeHistory? history = null;
        int[]? stamps = null;
        var log = new TpeProposalLog();
        for (var g = 0; g < groups.Length; g++)
        {
            var group = groups[g];
            if (!space.IsActive(point, group[0].Index) || Array.TrueForAll(group, m => !double.IsNaN(point[m.Index])))
            {
                continue;
            }

            history ??= TpeHistory.From(context, constantLiar, coordinateCaches);
            if (stamps is null)
            {
                stamps = ArrayPool<int>.Shared.Rent(history.Count);
                Array.Clear(stamps, 0, history.Count);
            }

            // A point of a purely discrete space is the whole point of its only group: a repeat teaches nothing.
            var avoidRepeats = groups.Length == 1 && Array.TrueForAll(group, m => m.IsCategorical || m.Bins.IsDiscrete);
            if (!SampleGroup(space, group, g + 1, history, stamps, random, point, avoidRepeats, log))
            {
                SampleUniformly(group, random, point);
            }
        }

        if (stamps is not null)
        {
            ArrayPool<int>.Shared.Return(stamps);
        }

        history?.Return();

        space.ApplyConditions(point);
        return log.ToProposal(point, startupTrials, multivariate);
    }

    /// <summary>Samples a group from the model into <paramref name="point"/>; false while it is still in its
    /// start-up phase.</summary>
    private bool SampleGroup(SearchSpace space, GroupDimension[] group, int stamp, TpeHistory history, int[] stamps,
        TrialRandom random, double[] point, bool avoidRepeats, TpeProposalLog log)
    {
        // The trials where the whole group was active, best first; stamps mark them by trial index. Arrays of a
        // proposal's length are rented: at a thousand trials they would be most of what a proposal allocates.
        var activeIndices = ArrayPool<int>.Shared.Rent(history.Ranked.Length);
        var activeCount = 0;
        var finished = 0;
        foreach (var t in history.Ranked)
        {
            if (history.EverywhereActive[t] || IsActive(history.Coordinates[t]!, group))
            {
                activeIndices[activeCount++] = t;
                finished += history.Finished[t] ? 1 : 0;
            }
        }

        try
        {
            return SampleGroup(space, group, stamp, history, stamps, random, point, avoidRepeats, log,
                activeIndices, activeCount, finished);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(activeIndices);
        }
    }

    private bool SampleGroup(SearchSpace space, GroupDimension[] group, int stamp, TpeHistory history, int[] stamps,
        TrialRandom random, double[] point, bool avoidRepeats, TpeProposalLog log, int[] activeIndices, int activeCount,
        int finished)
    {
        var active = activeIndices.AsSpan(0, activeCount);

        var groupStartup = log.UnderKeptBranch(space, group[0].Index)
            ? Math.Min(startupTrials, BranchExploration.ChildStartupTrials)
            : startupTrials;
        if (finished < groupStartup || finished == 0)
        {
            log.Startup(finished);
            return false;
        }

        // The good group's size counts finished trials only: running ones (constant liars) always rank last and
        // belong to the bad group, however many workers are busy.
        var multiObjective = history.Losses is not null;
        var belowCount = Math.Clamp(
            gamma?.Invoke(finished) ?? (multiObjective ? DefaultGammaMultiObjective(finished) : DefaultGammaForGroup(finished, group.Length)),
            0, finished);
        if (multiObjective)
        {
            MoveGoodFirst(history, active, belowCount);
        }

        for (var r = 0; r < active.Length; r++)
        {
            stamps[active[r]] = r < belowCount ? stamp : -stamp;
        }

        // Both sets in trial-number order, which is what the age-based weights refer to; positions records where
        // each trial landed in its set.
        var belowRows = ArrayPool<double[]>.Shared.Rent(belowCount);
        var aboveRows = ArrayPool<double[]>.Shared.Rent(active.Length - belowCount);
        var belowNumbers = ArrayPool<int>.Shared.Rent(belowCount);
        var aboveNumbers = ArrayPool<int>.Shared.Rent(active.Length - belowCount);
        var (belowRowCount, aboveRowCount) = (0, 0);
        var positions = ArrayPool<int>.Shared.Rent(history.Count);
        for (var t = 0; t < history.Count; t++)
        {
            if (stamps[t] == stamp)
            {
                positions[t] = belowRowCount;
                belowNumbers[belowRowCount] = history.Numbers[t];
                belowRows[belowRowCount++] = history.Coordinates[t]!;
            }
            else if (stamps[t] == -stamp)
            {
                positions[t] = aboveRowCount;
                aboveNumbers[aboveRowCount] = history.Numbers[t];
                aboveRows[aboveRowCount++] = history.Coordinates[t]!;
            }
        }

        var below = new ArraySegment<double[]>(belowRows, 0, belowRowCount);
        var above = new ArraySegment<double[]>(aboveRows, 0, aboveRowCount);
        var settings = new ParzenSettings(priorWeight, considerMagicClip, considerEndpoints, active.Length, PriorApart: multiObjective);
        var goodWeights = ArrayPool<double>.Shared.Rent(below.Count);
        var badWeights = ArrayPool<double>.Shared.Rent(above.Count);

        // Both densities are kept between proposals and updated where their trials changed (ParzenEstimator.Kept),
        // unless another worker is using the kept ones right now; the standing orders, which only a fresh fit of the
        // bad density needs, are read only then (a fresh fit of the small good one sorts its own).
        var kept = KeepsDensities ? keptDensities.GetValue(group, _ => new KeptDensities()) : null;
        if (kept is not null && !kept.Gate.TryEnter())
        {
            kept = null;
        }

        try
        {
            // Several objectives: the good trials are chosen for where they stand on the fronts, not for how recent
            // they are, so they weigh the same (as in Optuna's multi-objective TPE).
            var goodWeightSpan = multiObjective ? Uniform(goodWeights.AsSpan(0, below.Count)) : AgeWeights(goodWeights.AsSpan(0, below.Count));
            var badWeightSpan = AgeWeights(badWeights.AsSpan(0, above.Count));
            var goodNumbers = belowNumbers.AsSpan(0, below.Count);
            var badNumbers = aboveNumbers.AsSpan(0, above.Count);
            var good = kept?.Good.TryUpdate(group, below, goodNumbers, goodWeightSpan, settings, history);
            var bad = kept?.Bad.TryUpdate(group, above, badNumbers, badWeightSpan, settings, history);
            var (belowOrders, aboveOrders) = bad is null
                ? history.ObservationOrders(group, stamps, stamp, positions, below.Count, above.Count)
                : (null, null);
            good ??= FitAfresh(kept?.Good, group, below, goodNumbers, goodWeightSpan, settings, belowOrders);
            bad ??= FitAfresh(kept?.Bad, group, above, badNumbers, badWeightSpan, settings, aboveOrders);
            TpeHistory.Return(belowOrders);
            TpeHistory.Return(aboveOrders);
            return Propose(space, group, history, random, point, avoidRepeats, log, good, bad, activeIndices.AsSpan(0, activeCount));
        }
        finally
        {
            kept?.Gate.Exit();
            ArrayPool<int>.Shared.Return(positions);
            ArrayPool<double>.Shared.Return(goodWeights);
            ArrayPool<double>.Shared.Return(badWeights);
            Array.Clear(belowRows, 0, below.Count); // the pool must not keep the coordinates alive
            Array.Clear(aboveRows, 0, above.Count);
            ArrayPool<double[]>.Shared.Return(belowRows);
            ArrayPool<double[]>.Shared.Return(aboveRows);
            ArrayPool<int>.Shared.Return(aboveNumbers);
            ArrayPool<int>.Shared.Return(belowNumbers);
        }
    }

    // A density fitted afresh, into `kept` (which keeps it for the next proposal) when there is one.
    private static ParzenEstimator FitAfresh(ParzenEstimator.Kept? kept, GroupDimension[] group, ArraySegment<double[]> rows,
        ReadOnlySpan<int> numbers, ReadOnlySpan<double> weights, in ParzenSettings settings, int[]?[]? orders) =>
        kept is null
            ? ParzenEstimator.Fit(group, rows, weights, settings, orders)
            : kept.Refit(group, rows, numbers, weights, settings, orders);

    // Draws candidates from the good density, keeps lagging branches in play, and proposes the candidate with the
    // best density ratio; releases both densities.
    private bool Propose(SearchSpace space, GroupDimension[] group, TpeHistory history, TrialRandom random,
        double[] point, bool avoidRepeats, TpeProposalLog log, ParzenEstimator good, ParzenEstimator bad,
        ReadOnlySpan<int> active)
    {
        var candidates = this.candidates ?? (history.Losses is not null ? DefaultCandidatesMultiObjective : DefaultCandidates);
        var drawn = good.Sample(random, candidates);

        // A lagging branch is proposed with the rest of the group as the good density suggests for it.
        foreach (var branch in BranchExploration.Lagging(space, group, history, active))
        {
            for (var c = 0; c < candidates; c++)
            {
                drawn[c * group.Length + branch.Member] = branch.Level;
            }

            log.Kept(space, group[branch.Member].Index, branch);
        }

        var points = good.UnitPoints(drawn, candidates);
        var logGood = good.LogDensityAt(points, candidates);
        // Where repeats are skipped the runner-up may be needed, so only there is every candidate summed in full.
        var logBad = avoidRepeats || !SearchesBestRatio
            ? bad.LogDensityAt(points, candidates)
            : BestRatioSearch.LogBad(bad, points, candidates, group.Length, logGood);
        good.Release();
        bad.Release();
        var activeTrials = avoidRepeats ? active.ToArray() : [];
        var best = BestCandidate(logGood, logBad,
            avoidRepeats ? c => Repeats(drawn, c, group, history, activeTrials) : null);

        for (var j = 0; j < group.Length; j++)
        {
            point[group[j].Index] = drawn[best * group.Length + j];
        }

        log.Modelled();
        return true;
    }

    /// <summary>The numbers of the trials that form the good group of <paramref name="count"/> members for a group of
    /// dimensions active in every trial: the split a proposal makes, exposed so that tests can check it.</summary>
    internal static int[] GoodGroup(SamplingContext context, int count)
    {
        var history = TpeHistory.From(context, constantLiar: true, new ConditionalWeakTable<SearchSpace, TpeHistory.CoordinateCache>());
        var ranked = history.Ranked.ToArray();
        if (history.Losses is not null)
        {
            MoveGoodFirst(history, ranked, count);
        }

        history.Return();
        return [.. ranked.Take(count).Select(t => context.Trials[t].Number).Order()];
    }

    /// <summary>Reorders the leading complete feasible trials of <paramref name="active"/> (in a study of several
    /// objectives they come first, in number order) so that the <paramref name="count"/> good ones among them come
    /// first (<see cref="MultiObjectiveSplit"/>). When the good group takes them all, it goes on with the trials ranked
    /// after them (pruned, then infeasible) and nothing moves.</summary>
    private static void MoveGoodFirst(TpeHistory history, Span<int> active, int count)
    {
        var complete = 0;
        while (complete < active.Length && history.Losses![active[complete]] is not null)
        {
            complete++;
        }

        if (count >= complete)
        {
            return;
        }

        var trials = active[..complete];
        var good = history.LastSplit is { } last && last.Count == count && trials.SequenceEqual(last.Trials)
            ? last.Good
            : MultiObjectiveSplit.Good([.. trials.ToArray().Select(t => history.Losses![t]!)], count);
        history.LastSplit = (trials.ToArray(), count, good);

        // A stable partition: the good trials, then the others, each in their former order.
        var order = new int[complete];
        var position = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var r = 0; r < complete; r++)
            {
                if (good[r] == (pass == 0))
                {
                    order[position++] = trials[r];
                }
            }
        }

        order.CopyTo(trials);
    }

    /// <summary>The candidate with the largest good-to-bad density ratio, skipping those <paramref name="skip"/>
    /// rejects unless all of them are.</summary>
    private static int BestCandidate(double[] logGood, double[] logBad, Func<int, bool>? skip)
    {
        var best = -1;
        for (var c = 0; c < logGood.Length; c++)
        {
            if (skip?.Invoke(c) != true && (best < 0 || logGood[c] - logBad[c] > logGood[best] - logBad[best]))
            {
                best = c;
            }
        }

        return best >= 0 ? best : BestCandidate(logGood, logBad, null);
    }

    /// <summary>Whether candidate <paramref name="c"/> repeats, in every dimension of the group, a trial already
    /// evaluated or running. Coordinates of discrete values are exact (choice indices, units of grid values).</summary>
    private static bool Repeats(double[] drawn, int c, GroupDimension[] group, TpeHistory history, ReadOnlySpan<int> active)
    {
        foreach (var t in active)
        {
            var coordinates = history.Coordinates[t]!;
            var same = true;
            for (var j = 0; j < group.Length && same; j++)
            {
                var value = drawn[c * group.Length + j];
                same = (group[j].IsCategorical ? value : group[j].Dimension.ToUnit(value)).Equals(coordinates[group[j].Index]);
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsActive(double[] coordinates, GroupDimension[] group)
    {
        foreach (var member in group)
        {
            if (double.IsNaN(coordinates[member.Index]))
            {
                return false;
            }
        }

        return true;
    }

    private static void SampleUniformly(GroupDimension[] group, TrialRandom random, double[] point)
    {
        foreach (var member in group)
        {
            point[member.Index] = member.IsCategorical
                ? random.NextInt(member.Dimension.Choices.Count)
                : member.Dimension.FromUnit(random.NextDouble());
        }
    }

    private static ReadOnlySpan<double> Uniform(Span<double> weights)
    {
        weights.Fill(1.0);
        return weights;
    }

    /// <summary>Fills <paramref name="weights"/> with the weights of as many observations in trial-number order:
    /// equal for the latest 25, rising linearly from 1/count to 1 for older ones, so that the model slowly forgets its
    /// early history.</summary>
    private static ReadOnlySpan<double> AgeWeights(Span<double> weights)
    {
        var count = weights.Length;
        weights.Fill(1.0);
        var ramp = count - 25;
        for (var i = 0; i < ramp; i++)
        {
            weights[i] = ramp == 1 ? 1.0 / count : 1.0 / count + i * (1 - 1.0 / count) / (ramp - 1);
        }

        return weights;
    }
}
