namespace Dials.Samplers.Qmc;

/// <summary>A low-discrepancy sequence: the <c>index</c>-th point of the unit cube.</summary>
internal interface IQmcSequence
{
    /// <summary>Writes point <paramref name="index"/> into <paramref name="unit"/>, one coordinate in [0, 1) per dimension.</summary>
    void Fill(long index, Span<double> unit);
}
