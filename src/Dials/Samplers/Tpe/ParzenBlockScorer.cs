using System.Buffers;

namespace Dials.Samplers;

internal sealed partial class ParzenEstimator
{
    /// <summary>
    /// Scores points against the density one block of <see cref="KernelBlock"/> kernels at a time, keeping a running
    /// log-sum-exp per point: <see cref="LogDensityAt"/> adds the blocks in order for every candidate, and
    /// <see cref="BestRatioSearch"/> adds them in any order, so that it can stop once a candidate cannot win. A block
    /// is added by the same operations whichever way it is called, so the blocks added in order give a point's log
    /// density bit for bit as <see cref="LogDensityAt"/> does.
    /// </summary>
    /// <remarks>Holds a rented array of the candidate-independent kernel terms until disposed.</remarks>
    internal sealed class BlockScorer : IDisposable
    {
        private readonly ParzenEstimator density;
        private readonly int[] continuous;
        private readonly double[] baseTerms;
        private readonly bool discrete;

        /// <summary>Starts scoring against <paramref name="density"/>, which must stay fitted until disposal.</summary>
        public BlockScorer(ParzenEstimator density)
        {
            this.density = density;
            (continuous, baseTerms) = density.ContinuousBase();
            discrete = continuous.Length < density.dimensions.Length;
            Blocks = BlocksOf(density);
        }

        /// <summary>The number of blocks; the last holds the newest observations' kernels and the prior's.</summary>
        public int Blocks { get; }

        /// <summary>The number of blocks a scorer of <paramref name="density"/> would have, known before one is made
        /// (which computes the kernels' candidate-independent terms).</summary>
        public static int BlocksOf(ParzenEstimator density) => (density.kernels + KernelBlock - 1) / KernelBlock;

        /// <summary>Folds one block's kernels at a point into a running log-sum-exp.</summary>
        /// <param name="block">The block, from 0 (the oldest observations) to <see cref="Blocks"/> - 1.</param>
        /// <param name="point">The point, mapped by <see cref="UnitPoints"/>.</param>
        /// <param name="scratch">At least <see cref="KernelBlock"/> doubles the call may overwrite.</param>
        /// <param name="max">The running maximum term; minus infinity to start.</param>
        /// <param name="sum">The running sum of exp(term - max); 0 to start. <see cref="LogSum"/> reads the pair.</param>
        public void Add(int block, ReadOnlySpan<double> point, Span<double> scratch, ref double max, ref double sum)
        {
            var start = block * KernelBlock;
            var terms = scratch[..Math.Min(KernelBlock, density.kernels - start)];
            var blockMax = density.AddContinuousTerms(continuous, point, baseTerms, terms, start);
            if (discrete)
            {
                for (var j = 0; j < density.dimensions.Length; j++)
                {
                    if (density.dimensions[j].IsCategorical || density.dimensions[j].Bins.IsDiscrete)
                    {
                        density.AddLogKernels(j, point[j], terms, start);
                    }
                }

                blockMax = BlockMax(terms);
            }

            Accumulate(terms, blockMax, ref max, ref sum);
        }

        /// <inheritdoc/>
        public void Dispose() => ArrayPool<double>.Shared.Return(baseTerms);
    }
}
