namespace Dials.Samplers.Qmc;

/// <summary>
/// A Halton sequence (radical inverses in the first primes as bases), optionally scrambled by random digit
/// permutations: each dimension and digit position gets its own permutation of the digits, which breaks the strong
/// correlations plain Halton shows between high dimensions while keeping its even spread.
/// </summary>
internal sealed class HaltonSequence : IQmcSequence
{
    private readonly int[] bases;
    private readonly int[][][]? permutations;

    public HaltonSequence(int dimensions, TrialRandom? scramble)
    {
        bases = Primes(dimensions);
        if (scramble is null)
        {
            return;
        }

        permutations = new int[dimensions][][];
        for (var d = 0; d < dimensions; d++)
        {
            permutations[d] = new int[DigitsFor(bases[d])][];
            for (var k = 0; k < permutations[d].Length; k++)
            {
                var permutation = Enumerable.Range(0, bases[d]).ToArray();
                for (var i = permutation.Length - 1; i > 0; i--)
                {
                    var j = scramble.NextInt(i + 1);
                    (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
                }

                permutations[d][k] = permutation;
            }
        }
    }

    public void Fill(long index, Span<double> unit)
    {
        if (index is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A Halton index must fit in 32 bits.");
        }

        for (var d = 0; d < unit.Length; d++)
        {
            var b = bases[d];
            var value = 0.0;
            var scale = 1.0 / b;
            var rest = index;

            // Scrambled: every digit position up to 2^32 is permuted, the leading zeros included (a permutation may
            // map 0 elsewhere). Plain: digits stop with the index.
            var digits = permutations is null ? int.MaxValue : permutations[d].Length;
            for (var k = 0; k < digits && (permutations is not null || rest > 0); k++)
            {
                var digit = (int)(rest % b);
                rest /= b;
                value += (permutations is null ? digit : permutations[d][k][digit]) * scale;
                scale /= b;
            }

            unit[d] = Math.Min(value, Math.BitDecrement(1.0));
        }
    }

    private static int DigitsFor(int b) => (int)Math.Ceiling(32 * Math.Log(2) / Math.Log(b));

    private static int[] Primes(int count)
    {
        var primes = new List<int>(count);
        for (var candidate = 2; primes.Count < count; candidate++)
        {
            if (primes.TakeWhile(p => p * p <= candidate).All(p => candidate % p != 0))
            {
                primes.Add(candidate);
            }
        }

        return [.. primes];
    }
}
