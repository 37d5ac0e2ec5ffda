namespace Dials;

/// <summary>A search space rebuilt from its <see cref="SearchSpace.Signature"/>, without the hyperparameter type: what
/// a tool reading a storage has. Defaults are lost with the type, so each dimension defaults to its low bound or
/// first choice.</summary>
internal sealed class DescribedSearchSpace : SearchSpace
{
    private readonly double[] defaultPoint;

    public DescribedSearchSpace(IReadOnlyList<Dimension> dimensions)
        : base(dimensions)
    {
        defaultPoint = [.. dimensions.Select(d => d.DefaultValue)];
        ApplyConditions(defaultPoint);
    }

    public override double[] DefaultPoint => (double[])defaultPoint.Clone();
}
