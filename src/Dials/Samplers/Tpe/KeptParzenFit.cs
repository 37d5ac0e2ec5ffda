using System.Buffers;

namespace Dials.Samplers;

internal sealed partial class ParzenEstimator
{
    /// <summary>
    /// One of a group's two densities, kept fitted from one proposal to the next and updated where its trials
    /// changed, rather than fitted afresh. From one proposal to the next the bad set gains the newest trial and now
    /// and then trades one with the good set, but a fit from scratch redid every kernel of its thousand: about a fifth
    /// of a thousand-trial study. A kernel's centre, width and the terms derived from them depend only on its own
    /// coordinate and its neighbours' in each dimension (and the width floor), so only the kernels that joined and
    /// the neighbours of those that joined or left are fitted again; the age weights, which change for every kernel,
    /// are formed afresh every time (a closed formula). The result is bit for bit what a fresh fit gives: kernels stay
    /// in trial-number order, and the neighbour rule, the clamp and the kernel terms are computed by the same
    /// operations on the same values.
    /// </summary>
    /// <remarks>Whatever the update cannot vouch for falls back to the fresh fit, which it then keeps: a changed width
    /// floor (until it settles: after about a hundred trials for the bad density, a few hundred for the good one), settings, trials out of number order, a kept trial whose coordinates
    /// changed (another study's trial under the same number), more than a few changes at once, or too little room.
    /// Not thread-safe: a caller holds <see cref="KeptDensities.Gate"/> from the fit until it has released the
    /// estimator, whose arrays are the kept ones.</remarks>
    internal sealed class Kept
    {
        // More changes than this and a fresh fit is about as cheap; the common cases are one or two.
        private const int MaxChanges = 8;

        // Room left for kernels to join before the store must be laid out again.
        private const int Slack = 64;

        private double[]? store;
        private int stride;
        private int count = -1; // observation kernels of the kept fit; -1 when there is none to update
        private int[] numbers = [];
        private double[]?[] rows = [];
        private ParzenSettings settings;
        private double minimum;
        private double logMinimum;

        /// <summary>The density of <paramref name="observations"/> (trial numbers <paramref name="observationNumbers"/>,
        /// ascending), updated from the kept one; null when only a fresh fit (<see cref="Refit"/>) can give it.</summary>
        /// <param name="group">The group's dimensions (always the same for one kept density).</param>
        /// <param name="observations">The coordinate rows of the density's trials, in number order, as the history
        /// handed them out.</param>
        /// <param name="observationNumbers">Their trial numbers.</param>
        /// <param name="observationWeights">Their weights.</param>
        /// <param name="settings">As for a fresh fit.</param>
        /// <param name="history">The history the rows come from: its standing orders give each dimension's
        /// neighbours.</param>
        public ParzenEstimator? TryUpdate(GroupDimension[] group, ArraySegment<double[]> observations,
            ReadOnlySpan<int> observationNumbers, ReadOnlySpan<double> observationWeights, in ParzenSettings settings,
            TpeHistory history)
        {
            var n = observations.Count;
            var kernels = n + (HasPrior(settings, n) ? 1 : 0);
            // The study's observation count changes every time; it matters only through the width floor.
            if (count < 2 || n < 2 || store is null || kernels > stride
                || settings with { StudyObservations = this.settings.StudyObservations } != this.settings
                || WidthFloor(kernels, settings) != minimum)
            {
                return null;
            }

            // The changes: kept kernels (same number, same row object), kernels that left and kernels that joined.
            Span<int> left = stackalloc int[MaxChanges];
            Span<int> joined = stackalloc int[MaxChanges];
            var (leftCount, joinedCount) = (0, 0);
            int i = 0, j = 0;
            var rowsNow = observations.AsSpan();
            while (i < count || j < n)
            {
                if (j == n || (i < count && numbers[i] < observationNumbers[j]))
                {
                    if (leftCount == MaxChanges)
                    {
                        return null;
                    }

                    left[leftCount++] = i++;
                }
                else if (i == count || observationNumbers[j] < numbers[i])
                {
                    if (joinedCount == MaxChanges)
                    {
                        return null;
                    }

                    joined[joinedCount++] = j++;
                }
                else if (!ReferenceEquals(rows[i], rowsNow[j]))
                {
                    return null;
                }
                else
                {
                    (i, j) = (i + 1, j + 1);
                }
            }

            using var scope = history.Cache.Gate.EnterScope();
            if (!history.OrdersCurrent)
            {
                return null;
            }

            // From here on the kept arrays change: should a check below fail, the fresh fit that follows rewrites them.
            var leftCentres = ArrayPool<double>.Shared.Rent(leftCount * group.Length);
            for (var l = 0; l < leftCount; l++)
            {
                for (var d = 0; d < group.Length; d++)
                {
                    leftCentres[l * group.Length + d] = rows[left[l]]![group[d].Index];
                }
            }

            var leftNumbers = leftCount == 0 ? [] : new int[leftCount];
            for (var l = 0; l < leftCount; l++)
            {
                leftNumbers[l] = numbers[left[l]];
            }

            var moved = count + (kernels - n); // the prior, when there is one, moves with the observations' end
            for (var l = leftCount - 1; l >= 0; l--)
            {
                Shift(group, left[l] + 1, left[l], moved - left[l] - 1);
                moved--;
            }

            for (var a = 0; a < joinedCount; a++)
            {
                Shift(group, joined[a], joined[a] + 1, moved - joined[a]);
                moved++;
            }

            count = -1;
            Remember(observations, observationNumbers);
            var ok = Refresh(group, observations, leftNumbers, leftCentres.AsSpan(0, leftCount * group.Length),
                joined[..joinedCount], history);
            ArrayPool<double>.Shared.Return(leftCentres);
            if (!ok)
            {
                return null;
            }

            count = n;
            var estimator = WithWeights(group, observationWeights, settings, n, store, stride);
            for (var d = 0; d < group.Length; d++)
            {
                if (group[d].IsCategorical)
                {
                    estimator.FitCategorical(d, observations, HasPrior(settings, n), settings.PriorWeight);
                }
            }

            return estimator;
        }

        /// <summary>Fits the density afresh, as <see cref="ParzenEstimator.Fit(GroupDimension[], IReadOnlyList{double[]}, ReadOnlySpan{double}, in ParzenSettings, int[][])"/>
        /// does, into the kept arrays, and keeps it for the next update.</summary>
        public ParzenEstimator Refit(GroupDimension[] group, ArraySegment<double[]> observations,
            ReadOnlySpan<int> observationNumbers, ReadOnlySpan<double> observationWeights, in ParzenSettings settings,
            int[]?[]? orders)
        {
            var n = observations.Count;
            var kernels = n + (HasPrior(settings, n) ? 1 : 0);
            if (store is null || kernels > stride)
            {
                if (store is not null)
                {
                    ArrayPool<double>.Shared.Return(store);
                }

                stride = Stride(kernels + Slack);
                store = ArrayPool<double>.Shared.Rent(StoreLength(group.Length, stride));
            }

            var estimator = Fit(group, observations, observationWeights, settings, orders, store, stride);
            this.settings = settings;
            minimum = WidthFloor(kernels, settings);
            logMinimum = Math.Log(minimum); // as FitNumeric takes it
            Remember(observations, observationNumbers);
            count = n;
            return estimator;
        }

        private void Remember(ArraySegment<double[]> observations, ReadOnlySpan<int> observationNumbers)
        {
            var n = observations.Count;
            if (numbers.Length < n)
            {
                numbers = new int[n + Slack];
                rows = new double[]?[n + Slack];
            }

            observationNumbers[..n].CopyTo(numbers);
            observations.AsSpan().CopyTo(rows.AsSpan()!);
            Array.Clear(rows, n, rows.Length - n); // nothing beyond the kept trials is held on to
        }

        // Moves `length` kernels from position `from` to `to` in every numeric dimension's arrays.
        private void Shift(GroupDimension[] group, int from, int to, int length)
        {
            if (length <= 0)
            {
                return;
            }

            for (var d = 0; d < group.Length; d++)
            {
                if (group[d].IsCategorical)
                {
                    continue;
                }

                for (var field = 0; field < PerDimension; field++)
                {
                    var offset = Offset(field, d, stride);
                    Array.Copy(store!, offset + from, store!, offset + to, length);
                }
            }
        }

        // Fits again, in every numeric dimension, the kernels that joined and the neighbours of those that joined or
        // left, now that `numbers` and `rows` hold the new set. False if the standing orders do not list a trial
        // where its coordinate says.
        private bool Refresh(GroupDimension[] group, ArraySegment<double[]> observations, int[] leftNumbers,
            ReadOnlySpan<double> leftCentres, ReadOnlySpan<int> joined, TpeHistory history)
        {
            var n = observations.Count;
            var kernels = n + (HasPrior(settings, n) ? 1 : 0);

            // Per trial number, 1 + its kernel, or 0 for a trial outside the set.
            var slots = ArrayPool<int>.Shared.Rent(history.IndexOfNumber!.Length);
            Array.Clear(slots, 0, history.IndexOfNumber.Length);
            for (var k = 0; k < n; k++)
            {
                if (numbers[k] >= history.IndexOfNumber.Length)
                {
                    ArrayPool<int>.Shared.Return(slots);
                    return false;
                }

                slots[numbers[k]] = k + 1;
            }

            // The neighbour rule runs over the observations and the prior, or over the observations alone when the
            // prior is kept apart (FitNumeric).
            var priorIsNeighbour = !settings.PriorApart && kernels > n;
            var walk = new NeighbourWalk(history.Cache, slots, history.IndexOfNumber.Length,
                priorIsNeighbour ? kernels : n, settings.ConsiderEndpoints, priorIsNeighbour);
            var ok = true;
            for (var d = 0; d < group.Length && ok; d++)
            {
                if (group[d].IsCategorical)
                {
                    continue;
                }

                var column = group[d].Index;
                var centres = store.AsSpan(Offset(Centres, d, stride), kernels);
                foreach (var k in joined)
                {
                    centres[k] = rows[k]![column];
                }

                foreach (var k in joined)
                {
                    ok &= RefitAround(d, column, centres[k], numbers[k], k, walk);
                }

                for (var l = 0; l < leftNumbers.Length && ok; l++)
                {
                    ok &= RefitAround(d, column, leftCentres[l * group.Length + d], leftNumbers[l], -1, walk);
                }
            }

            ArrayPool<int>.Shared.Return(slots);
            return ok;
        }

        // Fits again the kernel `k` (when it is in the set, -1 otherwise) of trial `number` at `centre` in the group's
        // dimension d, and its neighbours in the set.
        private bool RefitAround(int d, int column, double centre, int number, int k, in NeighbourWalk walk)
        {
            // A trial that left may be listed at `at` still (it is skipped as outside the set); one in the set must be.
            var at = walk.Find(column, centre, number);
            if (k >= 0 && !walk.Lists(column, at, number))
            {
                return false;
            }

            var (leftAt, rightAt) = (walk.Left(column, at), walk.Right(column, k >= 0 ? at + 1 : at));
            if (k >= 0)
            {
                RefitKernel(d, column, k, at, walk);
            }

            if (leftAt >= 0)
            {
                RefitKernel(d, column, walk.Kernel(column, leftAt), leftAt, walk);
            }

            if (rightAt >= 0)
            {
                RefitKernel(d, column, walk.Kernel(column, rightAt), rightAt, walk);
            }

            return true;
        }

        // Kernel k, listed at `at` in the dimension's standing order: its width by the neighbour rule, then the rest
        // of what FitNumeric gives it.
        private void RefitKernel(int d, int column, int k, int at, in NeighbourWalk walk)
        {
            var centres = store.AsSpan(Offset(Centres, d, stride), stride);
            var widths = store.AsSpan(Offset(Widths, d, stride), stride);
            widths[k] = walk.Width(column, at, centres[k]);
            FitKernel(k, centres, widths, store.AsSpan(Offset(InverseWidths, d, stride), stride),
                store.AsSpan(Offset(LogNormalizers, d, stride), stride), store.AsSpan(Offset(LogTruncatedMasses, d, stride), stride),
                minimum, logMinimum);
        }
    }
}
