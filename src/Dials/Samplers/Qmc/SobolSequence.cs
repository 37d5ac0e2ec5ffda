using System.Numerics;

namespace Dials.Samplers.Qmc;

/// <summary>
/// A Sobol sequence in 32-bit precision, optionally scrambled by a random linear matrix scramble and a random digital
/// shift (Matoušek 1998). Both keep the sequence's net structure (every 2^m consecutive aligned points still fill the
/// elementary intervals evenly) while making it a randomized estimator whose points differ from seed to seed.
/// </summary>
internal sealed class SobolSequence : IQmcSequence
{
    private const int Bits = 32;
    private readonly uint[][] directions;
    private readonly uint[] shifts;

    public SobolSequence(int dimensions, TrialRandom? scramble)
    {
        if (dimensions > SobolDirections.MaxDimensions)
        {
            throw new ArgumentException(
                $"Sobol direction numbers are built in for up to {SobolDirections.MaxDimensions} dimensions and the space has " +
                $"{dimensions}; use the Halton sequence for more.", nameof(dimensions));
        }

        directions = new uint[dimensions][];
        shifts = new uint[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            directions[d] = d == 0 ? VanDerCorput() : FromRow(SobolDirections.Rows[d - 1]);
            if (scramble is not null)
            {
                LinearScramble(directions[d], scramble);
                shifts[d] = (uint)(scramble.NextDouble() * 4294967296.0);
            }
        }
    }

    public void Fill(long index, Span<double> unit)
    {
        if (index is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A Sobol index must fit in 32 bits.");
        }

        for (var d = 0; d < unit.Length; d++)
        {
            var x = shifts[d];
            for (var (bits, b) = ((uint)index, 0); bits != 0; bits >>= 1, b++)
            {
                if ((bits & 1) != 0)
                {
                    x ^= directions[d][b];
                }
            }

            // The middle of the 2^-32 cell, so no coordinate is exactly 0.
            unit[d] = (x + 0.5) / 4294967296.0;
        }
    }

    private static uint[] VanDerCorput()
    {
        var v = new uint[Bits];
        for (var k = 0; k < Bits; k++)
        {
            v[k] = 1u << (Bits - 1 - k);
        }

        return v;
    }

    private static uint[] FromRow(int[] row)
    {
        var (degree, coefficients) = (row[0], row[1]);
        var v = new uint[Bits];
        for (var k = 0; k < Bits; k++)
        {
            if (k < degree)
            {
                v[k] = (uint)row[2 + k] << (Bits - 1 - k);
                continue;
            }

            // The recurrence of the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1.
            v[k] = v[k - degree] ^ (v[k - degree] >> degree);
            for (var i = 1; i < degree; i++)
            {
                if (((coefficients >> (degree - 1 - i)) & 1) != 0)
                {
                    v[k] ^= v[k - i];
                }
            }
        }

        return v;
    }

    private static void LinearScramble(uint[] v, TrialRandom random)
    {
        // A random lower-triangular binary matrix with a unit diagonal: output digit t (bit 31 - t) is the parity of
        // input digit t and a random subset of the more significant digits.
        var rows = new uint[Bits];
        for (var t = 0; t < Bits; t++)
        {
            var own = 1u << (Bits - 1 - t);
            var higher = t == 0 ? 0u : ~((own << 1) - 1);
            rows[t] = own | ((uint)(random.NextDouble() * 4294967296.0) & higher);
        }

        for (var k = 0; k < v.Length; k++)
        {
            uint scrambled = 0;
            for (var t = 0; t < Bits; t++)
            {
                if ((BitOperations.PopCount(v[k] & rows[t]) & 1) != 0)
                {
                    scrambled |= 1u << (Bits - 1 - t);
                }
            }

            v[k] = scrambled;
        }
    }
}
