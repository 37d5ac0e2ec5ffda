namespace Dials.Samplers.Gp;

/// <summary>
/// Which dimensions of a space the Gaussian process models, and how a point maps to its inputs: every unconditional
/// dimension with more than one value, numeric ones through <see cref="Dimension.ToUnit"/> (log-aware; integers, steps
/// and powers of two land on the centre of their value's bin, so the kernel sees rounded values) and categorical ones
/// by their choice index, which the kernel compares for equality only.
/// </summary>
internal sealed class GpFeatures
{
    private readonly Dimension[] dimensions;

    private GpFeatures(int[] indices, Dimension[] dimensions, int fixedCount)
    {
        Indices = indices;
        this.dimensions = dimensions;
        Count = indices.Length;
        FixedCount = fixedCount;
        Key = string.Join(",", indices);
        IsCategorical = [.. dimensions.Select(d => d.Kind == DimensionKind.Categorical)];
        Levels = [.. dimensions.Select(d => d.IsDiscrete ? d.Count : 0)];
        ContinuousIndices = [.. Enumerable.Range(fixedCount, Count - fixedCount).Where(j => Levels[j] == 0)];
        DiscreteIndices = [.. Enumerable.Range(fixedCount, Count - fixedCount).Where(j => Levels[j] > 0)];
    }

    /// <summary>The space's dimension behind each input.</summary>
    public int[] Indices { get; }

    /// <summary>The number of inputs.</summary>
    public int Count { get; }

    /// <summary>The leading inputs the acquisition search holds at given values (a branch's always-active inputs,
    /// already chosen); 0 when every input is searched.</summary>
    public int FixedCount { get; }

    /// <summary>Per input, whether it is a categorical choice index.</summary>
    public bool[] IsCategorical { get; }

    /// <summary>Per input, its number of values; 0 where it is continuous.</summary>
    public int[] Levels { get; }

    /// <summary>The searched inputs that are continuous (optimised by gradient).</summary>
    public int[] ContinuousIndices { get; }

    /// <summary>The searched inputs with finitely many values (optimised level by level).</summary>
    public int[] DiscreteIndices { get; }

    /// <summary>The modelled inputs of <paramref name="space"/>.</summary>
    public static GpFeatures Of(SearchSpace space)
    {
        var indices = Enumerable.Range(0, space.Dimensions.Count)
            .Where(i => space.Dimensions[i].Condition is null && Varies(space.Dimensions[i]))
            .ToArray();
        return new GpFeatures(indices, [.. indices.Select(i => space.Dimensions[i])], fixedCount: 0);
    }

    /// <summary>
    /// The inputs of one branch of a conditional space: <paramref name="always"/>'s inputs, held at the values already
    /// chosen, then every dimension whose own condition the chosen values of <paramref name="point"/> meet (one level
    /// down: deeper ones stay with TPE). Null when the point activates none.
    /// </summary>
    public static GpFeatures? Branch(SearchSpace space, GpFeatures always, ReadOnlySpan<double> point)
    {
        var branch = new List<int>();
        for (var i = 0; i < space.Dimensions.Count; i++)
        {
            var parent = space.ParentOf(i);
            if (parent >= 0 && space.ParentOf(parent) < 0 && Varies(space.Dimensions[i]) && space.IsActive(point, i))
            {
                branch.Add(i);
            }
        }

        if (branch.Count == 0)
        {
            return null;
        }

        int[] indices = [.. always.Indices, .. branch];
        return new GpFeatures(indices, [.. indices.Select(i => space.Dimensions[i])], always.Count);
    }

    /// <summary>A key naming the inputs, the same for the same branch of the same space.</summary>
    public string Key { get; }

    /// <summary>Whether <paramref name="point"/> has a value for every modelled dimension.</summary>
    public bool Covers(IReadOnlyList<double> point)
    {
        if (point.Count == 0)
        {
            return false;
        }

        foreach (var i in Indices)
        {
            if (double.IsNaN(point[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The inputs of <paramref name="point"/> (internal values) into <paramref name="inputs"/>.</summary>
    public void Encode(IReadOnlyList<double> point, Span<double> inputs)
    {
        for (var j = 0; j < Count; j++)
        {
            var value = point[Indices[j]];
            inputs[j] = IsCategorical[j] ? value : dimensions[j].ToUnit(value);
        }
    }

    /// <summary>Writes the internal values of the searched inputs (all but the <see cref="FixedCount"/> leading ones,
    /// which the point already holds) into <paramref name="point"/>.</summary>
    public void Decode(ReadOnlySpan<double> inputs, double[] point)
    {
        for (var j = FixedCount; j < Count; j++)
        {
            point[Indices[j]] = IsCategorical[j] ? Math.Round(inputs[j]) : dimensions[j].FromUnit(inputs[j]);
        }
    }

    private static bool Varies(Dimension dimension) => !(dimension.IsDiscrete && dimension.Count < 2);

    /// <summary>Input <paramref name="j"/> for a uniform draw <paramref name="unit"/> in [0, 1): the draw itself where
    /// continuous, the centre of its level's bin where discrete, the level's index where categorical.</summary>
    public double FromUniform(int j, double unit) => Levels[j] == 0 ? unit : AtLevel(j, Math.Min((int)(unit * Levels[j]), Levels[j] - 1));

    /// <summary>Input <paramref name="j"/> as the point it decodes to encodes it: a search input between two integers
    /// (a wide integer range is searched as continuous) moved to where its integer lies, so that two inputs that would
    /// propose the same configuration compare equal.</summary>
    public double Canonical(int j, double input) =>
        IsCategorical[j] ? Math.Round(input) : dimensions[j].ToUnit(dimensions[j].FromUnit(input));

    /// <summary>Input <paramref name="j"/> at level <paramref name="level"/> of a discrete input.</summary>
    public double AtLevel(int j, int level) => IsCategorical[j] ? level : (level + 0.5) / Levels[j];

    /// <summary>The level of a discrete input's value.</summary>
    public int LevelOf(int j, double input) => IsCategorical[j] ? (int)Math.Round(input) : Math.Clamp((int)(input * Levels[j]), 0, Levels[j] - 1);
}
