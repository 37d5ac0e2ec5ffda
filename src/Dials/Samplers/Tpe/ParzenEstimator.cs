using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dials.Samplers;

/// <summary>
/// A Parzen estimator over a group of dimensions: a weighted mixture with one kernel per observation (plus an
/// optional prior kernel), each kernel a product over the group's dimensions of a truncated normal on the unit
/// interval (numeric dimensions, as <see cref="Dimension.ToUnit"/> maps them) or a smoothed one-hot distribution
/// (categorical ones). Discrete numeric values are scored by the mass of their bin, not a density at a point, so
/// that a wide bin is not undervalued against a narrow one.
/// </summary>
internal sealed partial class ParzenEstimator
{
    // Below this bin-width-to-bandwidth ratio the bin mass is the density at the bin's centre times its width to
    // well under 1 %: it saves two error-function calls per kernel.
    private const double MidpointRuleRatio = 0.25;

    // Kernels scored together: 64 kernels' parameters for a dozen dimensions fit comfortably in an L1 cache.
    internal const int KernelBlock = 64;

    // Terms this far (in log space) below the largest cannot change a log-sum-exp by more than e^-40.
    private const double NegligibleLogTerm = -40;

    // The per-kernel arrays in the store: the log weights and cumulative weights, then per dimension of the group
    // the five arrays of a numeric dimension (categorical ones leave theirs unused).
    private const int Centres = 0;
    private const int Widths = 1;
    private const int InverseWidths = 2;
    private const int LogNormalizers = 3;
    private const int LogTruncatedMasses = 4;
    private const int PerDimension = 5;

    private readonly GroupDimension[] dimensions;
    private readonly int kernels;
    private readonly bool ownsStore;
    private bool released;

    // Every per-kernel array, each `stride` items from the previous one, in one array rented from the shared pool:
    // one rent instead of two plus five per numeric dimension (a hundred per proposal in ten dimensions, most of them
    // past the pool's per-thread slot, so each took a lock).
    private readonly double[] store;
    private readonly int stride;

    // Categorical dimensions: probabilities per kernel and choice.
    private readonly double[][] choiceProbabilities;
    private readonly double[][] choiceLogProbabilities;

    private ParzenEstimator(GroupDimension[] dimensions, int kernels, double[] weights, double[]? keptStore = null, int keptStride = 0)
    {
        this.dimensions = dimensions;
        this.kernels = kernels;
        ownsStore = keptStore is null;
        stride = ownsStore ? Stride(kernels) : keptStride;
        store = keptStore ?? Rent(StoreLength(dimensions.Length, stride));
        var logWeights = LogWeights;
        var cumulativeWeights = store.AsSpan(stride, kernels);
        var total = 0.0;
        for (var k = 0; k < kernels; k++)
        {
            total += weights[k];
        }

        var running = 0.0;
        for (var k = 0; k < kernels; k++)
        {
            running += weights[k] / total;
            cumulativeWeights[k] = running;
            logWeights[k] = Math.Log(weights[k] / total);
        }

        var d = dimensions.Length;
        choiceProbabilities = new double[d][];
        choiceLogProbabilities = new double[d][];
    }

    private Span<double> LogWeights => store.AsSpan(0, kernels);

    // The distance between a store's per-kernel arrays for `kernels` kernels: every array starts on a 64-byte
    // boundary of the store's data.
    private static int Stride(int kernels) => (kernels + 7) & ~7;

    // The length of a store of per-kernel arrays `stride` apart for a group of `dimensionCount` dimensions.
    private static int StoreLength(int dimensionCount, int stride) => (2 + PerDimension * dimensionCount) * stride;

    // Where array `field` of the group's dimension d starts in the store.
    private int Offset(int field, int d) => Offset(field, d, stride);

    private static int Offset(int field, int d, int stride) => (2 + PerDimension * d + field) * stride;

    private Span<double> Field(int field, int d) => store.AsSpan(Offset(field, d), kernels);

    private ref double FieldStart(int field, int d) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(store), Offset(field, d));

    /// <summary>Fits the estimator to observations.</summary>
    /// <param name="dimensions">The group's dimensions.</param>
    /// <param name="observations">Per observation, its coordinates for the whole space (unit values for numeric
    /// dimensions, choice indices for categorical ones), in trial-number order.</param>
    /// <param name="observationWeights">One weight per observation (older trials may weigh less).</param>
    /// <param name="settings">Prior, bandwidth and clipping settings.</param>
    /// <param name="orders">Optionally, per dimension, the positions of the observations in ascending order of
    /// their coordinate there, ties in position order, in the first <c>observations.Count</c> items (null entries
    /// for categorical dimensions); sorted here when absent.</param>
    public static ParzenEstimator Fit(GroupDimension[] dimensions, IReadOnlyList<double[]> observations,
        ReadOnlySpan<double> observationWeights, in ParzenSettings settings, int[]?[]? orders = null) =>
        Fit(dimensions, observations, observationWeights, settings, orders, null, 0);

    // Fit, into a kept store (one the caller owns, `keptStride` items between arrays) when one is given.
    private static ParzenEstimator Fit(GroupDimension[] dimensions, IReadOnlyList<double[]> observations,
        ReadOnlySpan<double> observationWeights, in ParzenSettings settings, int[]?[]? orders, double[]? keptStore,
        int keptStride)
    {
        var n = observations.Count;
        var withPrior = HasPrior(settings, n);
        var estimator = WithWeights(dimensions, observationWeights, settings, n, keptStore, keptStride);
        for (var d = 0; d < dimensions.Length; d++)
        {
            if (dimensions[d].IsCategorical)
            {
                estimator.FitCategorical(d, observations, withPrior, settings.PriorWeight);
            }
            else
            {
                estimator.FitNumeric(d, observations, withPrior, settings, orders?[d]);
            }
        }

        return estimator;
    }

    // Whether a density of n observations has the prior kernel (always when there is no observation).
    private static bool HasPrior(in ParzenSettings settings, int n) => settings.PriorWeight > 0 || n == 0;

    // An estimator whose kernels have the observations' weights (and the prior's, last), normalised; nothing fitted.
    private static ParzenEstimator WithWeights(GroupDimension[] dimensions, ReadOnlySpan<double> observationWeights,
        in ParzenSettings settings, int n, double[]? keptStore, int keptStride)
    {
        var withPrior = HasPrior(settings, n);
        var kernels = n + (withPrior ? 1 : 0);
        var weights = Rent(kernels);
        observationWeights[..n].CopyTo(weights);
        if (withPrior)
        {
            weights[n] = n == 0 ? 1 : settings.PriorWeight;
        }

        var estimator = new ParzenEstimator(dimensions, kernels, weights, keptStore, keptStride);
        ArrayPool<double>.Shared.Return(weights);
        return estimator;
    }

    /// <summary>Hands the per-kernel arrays back to the shared pool; the estimator must not be used afterwards.
    /// A proposal at trial 1,000 fits two estimators over a thousand kernels in every dimension, and renting
    /// their arrays instead of allocating keeps that garbage (over half a megabyte per proposal) away from the GC.</summary>
    public void Release()
    {
        if (released)
        {
            return;
        }

        released = true;
        if (ownsStore)
        {
            ArrayPool<double>.Shared.Return(store);
        }
    }

    private static double[] Rent(int length) => ArrayPool<double>.Shared.Rent(length);

    /// <summary>The number of kernels: one per observation, plus the prior's.</summary>
    internal int Kernels => kernels;

    /// <summary>Kernel <paramref name="k"/> as fitted in the group's numeric dimension <paramref name="d"/>: what a
    /// plain computation of the mixture density starts from, to check the optimised one against.</summary>
    internal (double LogWeight, double Centre, double Width, double LogNormalizer) Kernel(int d, int k) =>
        (LogWeights[k], Field(Centres, d)[k], Field(Widths, d)[k], Field(LogNormalizers, d)[k]);

    /// <summary>Everything fitted for kernel <paramref name="k"/> in the group's numeric dimension
    /// <paramref name="d"/>, and its cumulative weight: what a kept fit must reproduce bit for bit.</summary>
    internal double[] KernelFit(int d, int k) =>
    [
        LogWeights[k], store[stride + k], Field(Centres, d)[k], Field(Widths, d)[k], Field(InverseWidths, d)[k],
        Field(LogNormalizers, d)[k], Field(LogTruncatedMasses, d)[k],
    ];

    /// <summary>Draws <paramref name="count"/> points from the mixture, as internal values, row by row
    /// (<c>result[c * D + d]</c> for candidate c and the group's d-th dimension).</summary>
    public double[] Sample(TrialRandom random, int count)
    {
        var d = dimensions.Length;
        var result = new double[count * d];
        for (var c = 0; c < count; c++)
        {
            var k = PickKernel(random.NextDouble());
            for (var j = 0; j < d; j++)
            {
                var dimension = dimensions[j];
                result[c * d + j] = dimension.IsCategorical
                    ? PickChoice(choiceProbabilities[j], k, dimension.Dimension.Choices.Count, random.NextDouble())
                    : dimension.Dimension.FromUnit(TruncatedNormal(random, Field(Centres, j)[k], Field(Widths, j)[k]));
            }
        }

        return result;
    }

    /// <summary>The log density (log mass for discrete dimensions) of each candidate row under the mixture.</summary>
    public double[] LogDensity(double[] candidates, int count) => LogDensityAt(UnitPoints(candidates, count), count);

    /// <summary>As <see cref="LogDensity"/>, for candidates already mapped by <see cref="UnitPoints"/> (of an
    /// estimator of the same group): the good and the bad density score the same candidates, which need mapping
    /// once.</summary>
    public double[] LogDensityAt(double[] points, int count)
    {
        // Kernels are visited in blocks small enough that a block's parameters for every dimension stay in the L1
        // cache while all candidates are scored against it; each candidate keeps a running log-sum-exp. Scoring
        // candidate by candidate over all kernels instead streamed every parameter array from L2 once per candidate.
        var d = dimensions.Length;
        using var scorer = new BlockScorer(this);
        var maxima = new double[count];
        var sums = new double[count];
        Array.Fill(maxima, double.NegativeInfinity);
        Span<double> block = stackalloc double[KernelBlock];
        for (var b = 0; b < scorer.Blocks; b++)
        {
            for (var c = 0; c < count; c++)
            {
                scorer.Add(b, points.AsSpan(c * d, d), block, ref maxima[c], ref sums[c]);
            }
        }

        var result = new double[count];
        for (var c = 0; c < count; c++)
        {
            result[c] = LogSum(maxima[c], sums[c]);
        }

        return result;
    }

    /// <summary>A running log-sum-exp (see <see cref="BlockScorer.Add"/>) as the log of the sum.</summary>
    internal static double LogSum(double max, double sum) => max + Math.Log(sum);

    // The continuous dimensions, and per kernel its log weight plus its normal log normalizers in those dimensions:
    // the part of a kernel's log density that does not depend on the candidate, summed once per call rather than
    // once per candidate.
    private (int[] Continuous, double[] BaseTerms) ContinuousBase()
    {
        var continuous = new List<int>(dimensions.Length);
        var baseTerms = Rent(kernels);
        LogWeights.CopyTo(baseTerms);
        for (var j = 0; j < dimensions.Length; j++)
        {
            if (!dimensions[j].IsCategorical && !dimensions[j].Bins.IsDiscrete)
            {
                continuous.Add(j);
                ref var normalizer = ref FieldStart(LogNormalizers, j);
                ref var bases = ref MemoryMarshal.GetArrayDataReference(baseTerms);
                var k = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    // Each kernel's sum is formed in the same order either way: the vectors only do lanes at once.
                    for (; k <= kernels - Vector<double>.Count; k += Vector<double>.Count)
                    {
                        (Vector.LoadUnsafe(ref bases, (nuint)k) + Vector.LoadUnsafe(ref normalizer, (nuint)k))
                            .StoreUnsafe(ref bases, (nuint)k);
                    }
                }

                for (; k < kernels; k++)
                {
                    Unsafe.Add(ref bases, k) += Unsafe.Add(ref normalizer, k);
                }
            }
        }

        return ([.. continuous], baseTerms);
    }

    // terms = base - 0.5 * (sum over the continuous dimensions of the squared standardized distance): the innermost
    // loop of a proposal (candidates x kernels x dimensions). Each vector of kernels keeps its sum of squares in a
    // register across the dimensions, so that only the centres and inverse widths are loaded; the scalar tail does
    // the same operations in the same order, so a kernel's term does not depend on where it falls. Returns the
    // largest term, found on the way (the terms are finite or minus infinity, never NaN, so vector maxima find the
    // one Math.Max finds) rather than in another pass over the block.
    private double AddContinuousTerms(int[] continuous, ReadOnlySpan<double> point, double[] baseTerms, Span<double> terms,
        int offset)
    {
        ref var bases = ref MemoryMarshal.GetArrayDataReference(baseTerms);
        ref var target = ref MemoryMarshal.GetReference(terms);
        var length = terms.Length;
        var k = 0;
        var largest = double.NegativeInfinity;
        if (Vector.IsHardwareAccelerated)
        {
            // Four vectors at a time: each dimension's square is added to the previous sum, so one vector alone
            // would wait on the latency of every addition; four independent sums keep the arithmetic units busy.
            var width = Vector<double>.Count;
            var half = new Vector<double>(0.5);
            var maxima = new Vector<double>(double.NegativeInfinity);
            for (; k <= length - 4 * width; k += 4 * width)
            {
                var at = (nuint)(offset + k);
                var (at1, at2, at3) = (at + (nuint)width, at + (nuint)(2 * width), at + (nuint)(3 * width));
                Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
                foreach (var j in continuous)
                {
                    ref var centres = ref FieldStart(Centres, j);
                    ref var inverse = ref FieldStart(InverseWidths, j);
                    var x = new Vector<double>(point[j]);
                    var z0 = (x - Vector.LoadUnsafe(ref centres, at)) * Vector.LoadUnsafe(ref inverse, at);
                    var z1 = (x - Vector.LoadUnsafe(ref centres, at1)) * Vector.LoadUnsafe(ref inverse, at1);
                    var z2 = (x - Vector.LoadUnsafe(ref centres, at2)) * Vector.LoadUnsafe(ref inverse, at2);
                    var z3 = (x - Vector.LoadUnsafe(ref centres, at3)) * Vector.LoadUnsafe(ref inverse, at3);
                    s0 += z0 * z0;
                    s1 += z1 * z1;
                    s2 += z2 * z2;
                    s3 += z3 * z3;
                }

                var t0 = Vector.LoadUnsafe(ref bases, at) - half * s0;
                var t1 = Vector.LoadUnsafe(ref bases, at1) - half * s1;
                var t2 = Vector.LoadUnsafe(ref bases, at2) - half * s2;
                var t3 = Vector.LoadUnsafe(ref bases, at3) - half * s3;
                t0.StoreUnsafe(ref target, (nuint)k);
                t1.StoreUnsafe(ref target, (nuint)(k + width));
                t2.StoreUnsafe(ref target, (nuint)(k + 2 * width));
                t3.StoreUnsafe(ref target, (nuint)(k + 3 * width));
                maxima = Vector.Max(maxima, Vector.Max(Vector.Max(t0, t1), Vector.Max(t2, t3)));
            }

            for (; k <= length - width; k += width)
            {
                var at = (nuint)(offset + k);
                var squares = Vector<double>.Zero;
                foreach (var j in continuous)
                {
                    var x = new Vector<double>(point[j]);
                    var z = (x - Vector.LoadUnsafe(ref FieldStart(Centres, j), at))
                        * Vector.LoadUnsafe(ref FieldStart(InverseWidths, j), at);
                    squares += z * z;
                }

                var term = Vector.LoadUnsafe(ref bases, at) - half * squares;
                term.StoreUnsafe(ref target, (nuint)k);
                maxima = Vector.Max(maxima, term);
            }

            for (var lane = 0; lane < width; lane++)
            {
                largest = Math.Max(largest, maxima[lane]);
            }
        }

        for (; k < length; k++)
        {
            var squares = 0.0;
            foreach (var j in continuous)
            {
                var z = (point[j] - Unsafe.Add(ref FieldStart(Centres, j), offset + k))
                    * Unsafe.Add(ref FieldStart(InverseWidths, j), offset + k);
                squares += z * z;
            }

            var term = Unsafe.Add(ref bases, offset + k) - 0.5 * squares;
            Unsafe.Add(ref target, k) = term;
            largest = Math.Max(largest, term);
        }

        return largest;
    }

    /// <summary>The candidate rows with continuous numeric values mapped to the unit interval, as
    /// <see cref="LogDensityAt"/> takes them (once, rather than in every block of kernels); discrete and categorical
    /// values stay as they are.</summary>
    public double[] UnitPoints(double[] candidates, int count)
    {
        var d = dimensions.Length;
        var points = new double[count * d];
        for (var j = 0; j < d; j++)
        {
            var dimension = dimensions[j];
            var continuous = !dimension.IsCategorical && !dimension.Bins.IsDiscrete;
            for (var c = 0; c < count; c++)
            {
                var value = candidates[c * d + j];
                points[c * d + j] = continuous ? dimension.Dimension.ToUnit(value) : value;
            }
        }

        return points;
    }

    // Folds a block of log terms, the largest of which is blockMax, into a running log-sum-exp kept as (max, sum of
    // exp(term - max)).
    private static void Accumulate(ReadOnlySpan<double> terms, double blockMax, ref double max, ref double sum)
    {
        if (blockMax > max)
        {
            sum = double.IsNegativeInfinity(max) ? 0 : sum * Math.Exp(max - blockMax);
            max = blockMax;
        }

        if (double.IsNegativeInfinity(max))
        {
            return;
        }

        // Vectors of terms are exponentiated together (the vector exponential agrees with Math.Exp to rounding), and
        // vectors whose terms are all negligible, most of a crowded density's, are skipped. Which ones is settled
        // first, into a bit mask without branches, and then only its set bits are visited, in order: a branch per
        // vector, taken about half the time in no pattern, cost more in mispredictions than the exponentials.
        var i = 0;
        if (Vector.IsHardwareAccelerated && terms.Length >= Vector<double>.Count)
        {
            var width = Vector<double>.Count;
            var vectors = terms.Length / width; // at most 64 / 2, so the mask has room
            var shift = new Vector<double>(max);
            var negligible = new Vector<double>(NegligibleLogTerm);
            ref var first = ref MemoryMarshal.GetReference(terms);
            var mask = 0UL;
            for (var v = 0; v < vectors; v++)
            {
                var shifted = Vector.LoadUnsafe(ref first, (nuint)(v * width)) - shift;
                mask |= (Vector.GreaterThanAny(shifted, negligible) ? 1UL : 0UL) << v;
            }

            var sums = Vector<double>.Zero;
            while (mask != 0)
            {
                var v = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var shifted = Vector.LoadUnsafe(ref first, (nuint)(v * width)) - shift;
                var kept = Vector.GreaterThan(shifted, negligible);
                sums += Vector.ConditionalSelect(kept, Vector.Exp(shifted), Vector<double>.Zero);
            }

            sum += Vector.Sum(sums);
            i = vectors * width;
        }

        AddExponentials(terms[i..], max, ref sum);
    }

    private static void AddExponentials(ReadOnlySpan<double> terms, double max, ref double sum)
    {
        foreach (var t in terms)
        {
            var shifted = t - max;
            if (shifted > NegligibleLogTerm)
            {
                sum += Math.Exp(shifted);
            }
        }
    }

    // The largest term, as Math.Max folds it: the terms are finite or minus infinity, never NaN, so a vector maximum
    // finds the same one.
    private static double BlockMax(ReadOnlySpan<double> terms)
    {
        var blockMax = double.NegativeInfinity;
        var i = 0;
        if (Vector.IsHardwareAccelerated && terms.Length >= Vector<double>.Count)
        {
            var maxima = new Vector<double>(double.NegativeInfinity);
            for (; i <= terms.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                maxima = Vector.Max(maxima, new Vector<double>(terms.Slice(i, Vector<double>.Count)));
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                blockMax = Math.Max(blockMax, maxima[lane]);
            }
        }

        for (; i < terms.Length; i++)
        {
            blockMax = Math.Max(blockMax, terms[i]);
        }

        return blockMax;
    }

    private void FitNumeric(int d, IReadOnlyList<double[]> observations, bool withPrior, in ParzenSettings settings,
        int[]? order)
    {
        var column = dimensions[d].Index;
        var n = observations.Count;
        var centres = Field(Centres, d);
        var rows = observations switch
        {
            ArraySegment<double[]> segment => segment.AsSpan(),
            List<double[]> list => CollectionsMarshal.AsSpan(list),
            _ => [.. observations],
        };
        for (var i = 0; i < n; i++)
        {
            centres[i] = rows[i][column];
        }

        if (withPrior)
        {
            centres[n] = 0.5;
        }

        var widths = Field(Widths, d);
        if (withPrior && settings.PriorApart && n > 0)
        {
            // Optuna 5's rule: the observations' widths from the observations alone; the prior does not narrow them.
            var own = ArrayPool<int>.Shared.Rent(n);
            if (order is null)
            {
                var sorted = UnitIntervalSort.Order(centres[..n]);
                Array.Copy(sorted, own, n);
                ArrayPool<int>.Shared.Return(sorted);
            }
            else
            {
                Array.Copy(order, own, n);
            }

            NeighbourWidths(centres, widths, settings.ConsiderEndpoints, own, n);
        }
        else
        {
            NeighbourBandwidths(centres, widths, settings.ConsiderEndpoints, order, n);
        }

        if (withPrior)
        {
            widths[n] = 1; // the prior spans the whole interval
        }

        // The floor keeps kernels from collapsing onto a cluster of observations (Bergstra's "magic clip"). It
        // shrinks with the geometric mean of this density's kernels and the observations of the whole study, so
        // the few kernels of the good density may narrow as evidence accumulates, which lets the search refine
        // an optimum; the classic floor, from this density's kernels alone, held them at about a tenth of the range.
        var minimum = WidthFloor(kernels, settings);
        var inverse = Field(InverseWidths, d);
        var normalizer = Field(LogNormalizers, d);
        var logMass = Field(LogTruncatedMasses, d);
        var logMinimum = Math.Log(minimum); // most kernels of a crowded density sit at the floor
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Whole vectors of kernels at the floor and far from both ends are fitted at once (no logarithm, no
            // truncation); any other kernel is fitted on its own, exactly as the loop below.
            var floor = new Vector<double>(minimum);
            var one = Vector<double>.One;
            var edge = new Vector<double>(6);
            var floorNormalizer = new Vector<double>(-logMinimum - NormalDistribution.LogSqrtTwoPi);
            for (; k <= kernels - Vector<double>.Count; k += Vector<double>.Count)
            {
                var at = (nuint)k;
                var width = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref widths[0], at), floor), one);
                var inverseWidth = one / width;
                var centre = Vector.LoadUnsafe(ref centres[0], at);
                var lower = -centre * inverseWidth;
                var upper = (one - centre) * inverseWidth;
                width.StoreUnsafe(ref widths[0], at);
                inverseWidth.StoreUnsafe(ref inverse[0], at);
                Vector<double>.Zero.StoreUnsafe(ref logMass[0], at);
                floorNormalizer.StoreUnsafe(ref normalizer[0], at);
                var common = Vector.LessThan(lower, -edge) & Vector.GreaterThan(upper, edge) & Vector.Equals(width, floor);
                if (!Vector.EqualsAll(common, Vector<long>.AllBitsSet))
                {
                    for (var lane = 0; lane < Vector<double>.Count; lane++)
                    {
                        if (common[lane] == 0)
                        {
                            FitKernel(k + lane, centres, widths, inverse, normalizer, logMass, minimum, logMinimum);
                        }
                    }
                }
            }
        }

        for (; k < kernels; k++)
        {
            FitKernel(k, centres, widths, inverse, normalizer, logMass, minimum, logMinimum);
        }

    }

    // The narrowest a kernel of a density of `kernels` kernels may be.
    private static double WidthFloor(int kernels, in ParzenSettings settings)
    {
        var evidence = Math.Sqrt(kernels * (double)Math.Max(settings.StudyObservations, kernels));
        return settings.ConsiderMagicClip ? 1.0 / Math.Min(100, 1 + evidence) : 1e-12;
    }

    // Clamps a kernel's width, then sets its inverse width, log truncated mass and log normalizer (the last two
    // remembered from earlier fits, see ParzenKernelMemo).
    private static void FitKernel(int k, Span<double> centres, Span<double> widths, Span<double> inverse,
        Span<double> normalizer, Span<double> logMass, double minimum, double logMinimum)
    {
        widths[k] = Math.Clamp(widths[k], minimum, 1);
        inverse[k] = 1 / widths[k];
        (logMass[k], normalizer[k]) = ParzenKernelMemo.Current.Get(centres[k], widths[k], inverse[k], minimum, logMinimum);
    }

    // Each kernel is as wide as the larger gap to its neighbours in this dimension (the interval ends count as
    // neighbours only when endpoints are considered), so isolated observations get broad kernels and clustered
    // ones narrow kernels. Joint (multivariate) kernels use the same per-dimension widths: measured against a
    // fixed Scott-style width, they refine optima far better (see docs/benchmarks.md).
    private void NeighbourBandwidths(ReadOnlySpan<double> centres, Span<double> widths, bool considerEndpoints,
        int[]? observationOrder, int observations)
    {
        var order = observationOrder is null
            ? UnitIntervalSort.Order(centres)
            : WithPrior(observationOrder, centres, observations);
        NeighbourWidths(centres, widths, considerEndpoints, order, kernels);
    }

    // The neighbour rule over the first `count` kernels taken in `order` (rented; returned to the pool here).
    private static void NeighbourWidths(ReadOnlySpan<double> centres, Span<double> widths, bool considerEndpoints, int[] order, int count)
    {
        var kernels = count;
        for (var s = 0; s < kernels; s++)
        {
            // Inner kernels (the bulk) take the plain larger gap; only the two ends look at the bounds.
            if (s > 0 && s < kernels - 1)
            {
                var inner = centres[order[s]];
                widths[order[s]] = Math.Max(inner - centres[order[s - 1]], centres[order[s + 1]] - inner);
                continue;
            }

            var here = centres[order[s]];
            var left = s > 0 ? here - centres[order[s - 1]] : here;
            var right = s < kernels - 1 ? centres[order[s + 1]] - here : 1 - here;
            if (!considerEndpoints && kernels >= 2)
            {
                left = s > 0 ? left : right;
                right = s < kernels - 1 ? right : left;
            }

            widths[order[s]] = Math.Max(left, right);
        }

        ArrayPool<int>.Shared.Return(order);
    }

    // The kernels' order from the observations' order: the prior kernel (the last one, when there is one) goes
    // after every observation whose centre is not above its own, where a stable sort would put it.
    private int[] WithPrior(int[] observationOrder, ReadOnlySpan<double> centres, int n)
    {
        var order = ArrayPool<int>.Shared.Rent(kernels);
        if (kernels == n)
        {
            Array.Copy(observationOrder, order, n);
            return order;
        }

        int lo = 0, hi = n;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (centres[observationOrder[mid]] <= centres[n])
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        Array.Copy(observationOrder, order, lo);
        order[lo] = n;
        Array.Copy(observationOrder, lo, order, lo + 1, n - lo);
        return order;
    }

    private void FitCategorical(int d, IReadOnlyList<double[]> observations, bool withPrior, double priorWeight)
    {
        var column = dimensions[d].Index;
        var choices = dimensions[d].Dimension.Choices.Count;
        var n = observations.Count;

        // Each observation's kernel puts most of its mass on the observed choice and spreads a prior share over
        // all of them; the prior kernel is uniform.
        var smoothing = withPrior ? priorWeight / kernels : 0;
        var probabilities = new double[kernels * choices];
        for (var k = 0; k < kernels; k++)
        {
            var row = probabilities.AsSpan(k * choices, choices);
            row.Fill(k < n ? smoothing : 1.0 / choices);
            if (k < n)
            {
                row[(int)observations[k][column]] += 1;
                var total = 1 + smoothing * choices;
                for (var c = 0; c < choices; c++)
                {
                    row[c] /= total;
                }
            }
        }

        choiceProbabilities[d] = probabilities;
        choiceLogProbabilities[d] = Array.ConvertAll(probabilities, Math.Log);
    }

    // Adds a categorical or discrete dimension's log kernel terms; continuous ones are scored by AddContinuousTerms.
    private void AddLogKernels(int d, double value, Span<double> terms, int offset)
    {
        var dimension = dimensions[d];
        if (dimension.IsCategorical)
        {
            var choices = dimension.Dimension.Choices.Count;
            var logProbabilities = choiceLogProbabilities[d];
            var choice = (int)value;
            for (var k = 0; k < terms.Length; k++)
            {
                terms[k] += logProbabilities[(offset + k) * choices + choice];
            }

            return;
        }

        var (lower, upper) = dimension.Bins.Bin(dimension.Dimension, value);
        AddLogBinMasses(d, lower, upper, terms, offset);
    }

    private void AddLogBinMasses(int d, double lower, double upper, Span<double> terms, int offset)
    {
        var width = upper - lower;
        var middle = 0.5 * (lower + upper);
        var logWidth = Math.Log(width);
        var mu = Field(Centres, d);
        var sigma = Field(Widths, d);
        var inverseSigma = Field(InverseWidths, d);
        var logNormalizer = Field(LogNormalizers, d);
        var logTruncatedMass = Field(LogTruncatedMasses, d);
        for (var i = 0; i < terms.Length; i++)
        {
            var k = offset + i;
            if (width < MidpointRuleRatio * sigma[k])
            {
                var z = (middle - mu[k]) * inverseSigma[k];
                terms[i] += logNormalizer[k] - 0.5 * z * z + logWidth;
            }
            else
            {
                var mass = NormalDistribution.Mass((lower - mu[k]) * inverseSigma[k], (upper - mu[k]) * inverseSigma[k]);
                terms[i] += Math.Log(Math.Max(mass, double.Epsilon)) - logTruncatedMass[k];
            }
        }
    }

    private int PickKernel(double u)
    {
        // The cumulative weights are the store's second array: positions found there count from its start.
        var index = Array.BinarySearch(store, stride, kernels, u);
        index = (index < 0 ? ~index : index) - stride;
        return Math.Min(index, kernels - 1);
    }

    private static double PickChoice(double[] probabilities, int kernel, int choices, double u)
    {
        var running = 0.0;
        for (var c = 0; c < choices - 1; c++)
        {
            running += probabilities[kernel * choices + c];
            if (u < running)
            {
                return c;
            }
        }

        return choices - 1;
    }

    // Rejection from the untruncated normal: the kernel's centre lies in [0, 1] and its width is at most 1, so at
    // least a third of the draws land inside and the loop ends quickly.
    private static double TruncatedNormal(TrialRandom random, double centre, double width)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = centre + width * random.NextGaussian();
            if (x is >= 0 and <= 1)
            {
                return x;
            }
        }

        return Math.Clamp(centre, 0, 1);
    }
}

/// <summary>One dimension of a group a Parzen estimator models jointly.</summary>
/// <param name="Index">The dimension's index in the space.</param>
/// <param name="Dimension">The dimension.</param>
internal sealed record GroupDimension(int Index, Dimension Dimension)
{
    /// <summary>Whether the dimension is categorical (modelled by choice probabilities, not a normal kernel).</summary>
    public bool IsCategorical { get; } = Dimension.Kind == DimensionKind.Categorical;

    /// <summary>Where the dimension's values sit in the unit interval.</summary>
    public UnitBins Bins { get; } = new(Dimension);
}

/// <summary>How a Parzen estimator places its kernels.</summary>
/// <param name="PriorWeight">Weight of the prior kernel (a broad kernel over the whole space); 0 for none.</param>
/// <param name="ConsiderMagicClip">Whether to keep kernels at least about 1/n of the interval wide.</param>
/// <param name="ConsiderEndpoints">Whether the interval's ends count as neighbours when sizing edge kernels.</param>
/// <param name="StudyObservations">Observations of both densities together (lowers the bandwidth floor).</param>
/// <param name="PriorApart">Whether the prior kernel is left out of the observations' neighbour widths (Optuna 5's
/// rule) rather than counted as their neighbour.</param>
internal readonly record struct ParzenSettings(double PriorWeight, bool ConsiderMagicClip, bool ConsiderEndpoints,
    int StudyObservations, bool PriorApart = false);
