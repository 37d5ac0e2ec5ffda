namespace Dials.Generators.Analyzers.Model
{
    /// <summary>Which dimension attribute a tuned property carries.</summary>
    internal enum RangeShape
    {
        Float,
        Int,
        PowerOfTwo,
        Choice,
    }
}
