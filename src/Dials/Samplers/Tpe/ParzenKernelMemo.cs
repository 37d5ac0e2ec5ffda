using System.Runtime.InteropServices;

namespace Dials.Samplers;

/// <summary>
/// The log normalizers and log truncated masses of recently fitted kernels, looked up by the kernel's centre, width
/// and width floor. From one TPE proposal to the next almost every kernel of the bad density keeps its centre and
/// width (only the neighbours of the trials that joined or left the set change), but each proposal fits the density
/// afresh; the kernels that need a logarithm and two error functions (wider than the floor, or near an end) were a
/// tenth of a thousand-trial study. The values are a function of the key alone, so a hit gives bit for bit what the
/// computation gives, whichever study or dimension stored it; a miss computes and overwrites the slot.
/// </summary>
/// <remarks>One table per thread, so that workers sampling in parallel need no lock.</remarks>
internal sealed class ParzenKernelMemo
{
    // 8,192 slots of five doubles (320 KB): room for the unusual kernels of ten dimensions of a thousand trials.
    private const int SlotBits = 13;

    [ThreadStatic]
    private static ParzenKernelMemo? current;

    private readonly Slot[] slots = new Slot[1 << SlotBits];

    /// <summary>The calling thread's table.</summary>
    public static ParzenKernelMemo Current => current ??= new ParzenKernelMemo();

    /// <summary>The log truncated mass and log normalizer of the kernel at <paramref name="centre"/> with width
    /// <paramref name="width"/> (already within [<paramref name="minimum"/>, 1]) and inverse width
    /// <paramref name="inverse"/>; <paramref name="logMinimum"/> is the log of the floor.</summary>
    public (double LogMass, double LogNormalizer) Get(double centre, double width, double inverse, double minimum,
        double logMinimum)
    {
        var hash = (ulong)BitConverter.DoubleToInt64Bits(centre) * 0x9E3779B97F4A7C15UL
            ^ (ulong)BitConverter.DoubleToInt64Bits(width) * 0xC2B2AE3D27D4EB4FUL;
        ref var slot = ref slots[(int)(hash >> (64 - SlotBits))];
        if (Same(slot.Centre, centre) && Same(slot.Width, width) && Same(slot.Minimum, minimum))
        {
            return (slot.LogMass, slot.LogNormalizer);
        }

        var lower = -centre * inverse;
        var upper = (1 - centre) * inverse;

        // A kernel more than six widths from both ends loses under 1e-9 of its mass to truncation: skip the
        // two error-function calls, which dominate fitting a thousand kernels.
        var logMass = lower < -6 && upper > 6 ? 0 : Math.Log(NormalDistribution.Mass(lower, upper));
        var logNormalizer = -(width == minimum ? logMinimum : Math.Log(width)) - NormalDistribution.LogSqrtTwoPi - logMass;
        slot = new Slot(centre, width, minimum, logMass, logNormalizer);
        return (logMass, logNormalizer);
    }

    // Keys are compared bit for bit (0.0 and -0.0 are different keys). An empty slot has width 0, which no kernel
    // has: widths are at least the floor, which is positive.
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(double Centre, double Width, double Minimum, double LogMass, double LogNormalizer);
}
