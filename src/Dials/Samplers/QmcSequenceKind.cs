namespace Dials.Samplers;

/// <summary>Which low-discrepancy sequence a <see cref="QmcSampler"/> walks.</summary>
public enum QmcSequenceKind
{
    /// <summary>Sobol (Joe-Kuo direction numbers, up to 41 dimensions); scrambled by a random linear matrix scramble
    /// and digital shift. The better choice when the number of trials is a power of two.</summary>
    Sobol,

    /// <summary>Halton (prime bases, any number of dimensions); scrambled by random digit permutations.</summary>
    Halton,
}
