namespace Dials;

/// <summary>
/// The dimension arithmetic behind <see cref="SearchSpace{T}.Narrow"/>: the replacement dimension, how its internal
/// values map back to the original ones, the narrowed default point, and children's conditions rewritten when the
/// parent's internal values change meaning (a categorical subset renumbers its choices).
/// </summary>
internal static class SpaceNarrowing
{
    public static (Dimension[] Dimensions, double[]? Originals, double[] Defaults) Narrow(SearchSpace space, int index,
        string name, double? low, double? high, IReadOnlyList<object>? choices, object? fixedValue)
    {
        if (index < 0)
        {
            throw new ArgumentException($"'{name}' is not a dimension of this search space.", nameof(name));
        }

        var dimension = space.Dimensions[index];
        var (replacement, originals) = fixedValue is not null ? Pin(dimension, fixedValue)
            : choices is not null ? Subset(dimension, choices)
            : Range(dimension, low, high);

        var dimensions = space.Dimensions.ToArray();
        dimensions[index] = replacement;
        if (originals is not null)
        {
            for (var i = 0; i < dimensions.Length; i++)
            {
                if (dimensions[i].Condition is { } condition && condition.Parent == name)
                {
                    // The child stays active for the narrowed values that stood for activating original ones.
                    var values = Enumerable.Range(0, originals.Length).Where(k => condition.IsMetBy(originals[k])).Select(k => (double)k).ToArray();
                    dimensions[i] = Recondition(dimensions[i], condition with { Values = values });
                }
            }
        }

        var defaults = space.DefaultPoint;
        var originalDefault = dimension.DefaultValue;
        defaults[index] = originals is null
            ? replacement.Snap(originalDefault)
            : Math.Max(0, Array.IndexOf(originals, originalDefault));
        for (var i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = dimensions[i].WithDefault(double.IsNaN(defaults[i]) ? dimensions[i].DefaultValue : defaults[i]);
        }

        // Restore parents' values before re-applying conditions, so children the narrowing activates get defaults.
        for (var i = 0; i < defaults.Length; i++)
        {
            if (double.IsNaN(defaults[i]))
            {
                defaults[i] = dimensions[i].DefaultValue;
            }
        }

        return (dimensions, originals, defaults);
    }

    private static (Dimension, double[]?) Range(Dimension dimension, double? low, double? high)
    {
        if (dimension.Kind == DimensionKind.Categorical)
        {
            throw new ArgumentException($"'{dimension.Name}' is categorical: narrow it with a subset of its choices, not Low/High.");
        }

        var lo = low ?? dimension.Low;
        var hi = high ?? dimension.High;
        foreach (var bound in new[] { lo, hi })
        {
            if (dimension.Violation(bound) is { } rule)
            {
                throw new ArgumentException($"{dimension.Format(bound)} {rule}.");
            }
        }

        if (lo >= hi)
        {
            throw new ArgumentException($"Low {dimension.Format(lo)} must be below High {dimension.Format(hi)}; use Fixed to pin one value.");
        }

        var narrowed = dimension.Kind switch
        {
            DimensionKind.Int => Dimension.Int(dimension.Name, (long)lo, (long)hi, (long)Math.Max(1, dimension.Step), dimension.Log, dimension.Condition),
            DimensionKind.PowerOfTwo => Dimension.PowerOfTwo(dimension.Name, (long)lo, (long)hi, dimension.Condition),
            _ => Dimension.Float(dimension.Name, lo, hi, dimension.Log, dimension.Step, dimension.Condition),
        };
        return (narrowed, null);
    }

    private static (Dimension, double[]?) Subset(Dimension dimension, IReadOnlyList<object> choices)
    {
        if (dimension.Kind != DimensionKind.Categorical)
        {
            throw new ArgumentException($"'{dimension.Name}' is numeric: narrow it with Low/High, not Choices.");
        }

        var originals = new double[choices.Count];
        var kept = new object[choices.Count];
        for (var k = 0; k < choices.Count; k++)
        {
            originals[k] = dimension.FromValue(choices[k]);
            if (double.IsNaN(originals[k]))
            {
                throw new ArgumentException($"{choices[k]} {dimension.Violation(double.NaN)}.");
            }

            kept[k] = dimension.Choices[(int)originals[k]];
        }

        return (Dimension.Categorical(dimension.Name, kept, dimension.Condition), originals);
    }

    private static (Dimension, double[]?) Pin(Dimension dimension, object value)
    {
        var original = dimension.FromValue(value);
        if (dimension.Violation(original) is { } rule)
        {
            throw new ArgumentException($"{value} {rule}.");
        }

        // One choice: every sampler (grid, TPE, CMA-ES) treats a one-value categorical as settled.
        return (Dimension.Categorical(dimension.Name, [dimension.ToValue(original)], dimension.Condition), [original]);
    }

    // The child keeps its own default: a child the narrowing activates at the default point starts from it.
    private static Dimension Recondition(Dimension d, DimensionCondition condition) => (d.Kind switch
    {
        DimensionKind.Categorical => Dimension.Categorical(d.Name, d.Choices, condition),
        DimensionKind.Int => Dimension.Int(d.Name, (long)d.Low, (long)d.High, (long)Math.Max(1, d.Step), d.Log, condition),
        DimensionKind.PowerOfTwo => Dimension.PowerOfTwo(d.Name, (long)d.Low, (long)d.High, condition),
        _ => Dimension.Float(d.Name, d.Low, d.High, d.Log, d.Step, condition),
    }).WithDefault(d.DefaultValue);
}
