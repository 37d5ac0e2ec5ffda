namespace Dials.Samplers;

/// <summary>
/// A small, fast pseudo-random generator (xoshiro256**) seeded from a sampler's seed and a trial number, so that
/// every trial draws from its own stream: workers proposing different trials never share draws, and a sequential
/// study replays exactly. <see cref="System.Random"/> is avoided because its seeded algorithm is an implementation
/// detail we do not want our reproducibility to hang on. Public so that custom samplers and the analyses draw the same way.
/// </summary>
public sealed class TrialRandom
{
    private ulong s0, s1, s2, s3;
    private double spareGaussian = double.NaN;

    /// <summary>A stream for <paramref name="trialNumber"/> of a sampler seeded with <paramref name="seed"/>;
    /// <paramref name="purpose"/> separates independent streams used for the same trial.</summary>
    public TrialRandom(long seed, long trialNumber, long purpose = 0)
    {
        var state = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)trialNumber * 0xD1B54A32D192ED03UL ^ (ulong)purpose * 0x8CB92BA72F3D8DD7UL;
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    /// <summary>A fresh seed for a sampler built without one.</summary>
    public static long NewSeed() => Random.Shared.NextInt64();

    /// <summary>A uniform draw in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>A standard normal draw (Marsaglia's polar method; the second value of each pair is kept).</summary>
    public double NextGaussian()
    {
        if (!double.IsNaN(spareGaussian))
        {
            var spare = spareGaussian;
            spareGaussian = double.NaN;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareGaussian = v * factor;
        return u * factor;
    }

    private ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
