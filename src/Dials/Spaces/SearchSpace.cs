namespace Dials;

/// <summary>
/// The dimensions of a hyperparameter type and the operations samplers need, independent of the type itself.
/// </summary>
/// <remarks>
/// A point is one internal value per dimension (see <see cref="Dimension"/>), NaN where the dimension is inactive.
/// </remarks>
public abstract class SearchSpace
{
    private readonly int[] parents;
    private readonly Dictionary<string, int> indexByName;

    /// <summary>Checks the dimensions (unique names, conditions naming earlier-resolvable dimensions, no cycles).</summary>
    /// <exception cref="ArgumentException">A name repeats, or a condition names an unknown dimension or forms a cycle.</exception>
    protected SearchSpace(IReadOnlyList<Dimension> dimensions)
    {
        Dimensions = dimensions;
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (!indexByName.TryAdd(dimensions[i].Name, i))
            {
                throw new ArgumentException($"Dimension '{dimensions[i].Name}' is declared twice.", nameof(dimensions));
            }
        }

        parents = new int[dimensions.Count];
        for (var i = 0; i < dimensions.Count; i++)
        {
            var condition = dimensions[i].Condition;
            parents[i] = condition is null ? -1
                : indexByName.TryGetValue(condition.Parent, out var parent) ? parent
                : throw new ArgumentException(
                    $"Dimension '{dimensions[i].Name}' depends on '{condition.Parent}', which is not a dimension.", nameof(dimensions));
        }

        Order = TopologicalOrder();
    }

    /// <summary>The dimensions, in declaration order (nested types' dimensions in place of the nested property).</summary>
    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>Dimension indices ordered so that every condition's parent comes before the dimensions it controls:
    /// the order in which to sample a point one dimension at a time.</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>The defaults as a point (inactive dimensions NaN).</summary>
    public abstract double[] DefaultPoint { get; }

    /// <summary>The index of the dimension named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => indexByName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The index of the dimension controlling <paramref name="dimension"/>, or -1 when it is unconditional.</summary>
    public int ParentOf(int dimension) => parents[dimension];

    /// <summary>Whether <paramref name="dimension"/> is active in <paramref name="point"/> (its whole chain of conditions holds).</summary>
    public bool IsActive(ReadOnlySpan<double> point, int dimension)
    {
        for (var i = dimension; parents[i] >= 0; i = parents[i])
        {
            var parentValue = point[parents[i]];
            if (double.IsNaN(parentValue) || !Dimensions[i].Condition!.IsMetBy(parentValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets every inactive dimension of <paramref name="point"/> to NaN.</summary>
    public void ApplyConditions(Span<double> point)
    {
        CheckLength(point.Length);
        foreach (var i in Order)
        {
            if (!IsActive(point, i))
            {
                point[i] = double.NaN;
            }
        }
    }

    /// <summary>The point a unit-cube position stands for: every coordinate mapped by its dimension, then
    /// inactive dimensions set to NaN.</summary>
    public double[] FromUnit(ReadOnlySpan<double> unit)
    {
        CheckLength(unit.Length);
        var point = new double[unit.Length];
        for (var i = 0; i < point.Length; i++)
        {
            point[i] = Dimensions[i].FromUnit(unit[i]);
        }

        ApplyConditions(point);
        return point;
    }

    /// <summary>The unit-cube position of a point; inactive (NaN) coordinates stay NaN.</summary>
    public double[] ToUnit(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var unit = new double[point.Length];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = double.IsNaN(point[i]) ? double.NaN : Dimensions[i].ToUnit(point[i]);
        }

        return unit;
    }

    /// <summary>The problems of a point: one per active dimension whose value breaks its dimension's rules.</summary>
    public IReadOnlyList<ValidationError> Check(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        List<ValidationError>? errors = null;
        foreach (var i in Order)
        {
            if (IsActive(point, i) && Dimensions[i].Violation(point[i]) is { } rule)
            {
                (errors ??= []).Add(new ValidationError(Dimensions[i].Name, Dimensions[i].Format(point[i]), rule));
            }
        }

        return errors ?? (IReadOnlyList<ValidationError>)[];
    }

    /// <summary>The active values of a point by dimension name, typed as <see cref="Dimension.ToValue"/> gives them.</summary>
    public IReadOnlyDictionary<string, object> ToValues(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < point.Length; i++)
        {
            if (!double.IsNaN(point[i]))
            {
                values[Dimensions[i].Name] = Dimensions[i].ToValue(point[i]);
            }
        }

        return values;
    }

    /// <summary>The point for values by dimension name (as <see cref="ToValues"/> gives them); missing names take
    /// their defaults, inactive dimensions become NaN.</summary>
    /// <exception cref="ArgumentException">A name is not a dimension, or a value is not allowed.</exception>
    public double[] FromValues(IReadOnlyDictionary<string, object?> values)
    {
        // Each dimension's own default, not DefaultPoint: there a dimension inactive under the default values is NaN,
        // and it would stay NaN when the values switch its parent on.
        var point = Dimensions.Select(d => d.DefaultValue).ToArray();
        foreach (var (name, value) in values)
        {
            var index = IndexOf(name);
            if (index < 0)
            {
                throw new ArgumentException($"'{name}' is not a dimension of this search space.", nameof(values));
            }

            point[index] = Dimensions[index].FromValue(value);
        }

        ApplyConditions(point);
        ThrowIfInvalid(Check(point), nameof(values));
        return point;
    }

    /// <summary>A one-line description of a dimension for people: like <see cref="Dimension.ToString"/>, with the
    /// condition written in the parent's values (<c>when Optimizer is Sgd</c>) and the default.</summary>
    public string Describe(int dimension)
    {
        var d = Dimensions[dimension];
        var text = $"{d.Name}: {d.Shape()}";
        if (d.Condition is not null)
        {
            var parent = Dimensions[parents[dimension]];
            text += $" when {parent.Name} is {string.Join(" or ", d.Condition.Values.Select(parent.Format))}";
        }

        return $"{text} (default {d.Format(d.DefaultValue)})";
    }

    /// <summary>The search space as storages keep it: a versioned JSON document naming each dimension's kind, bounds,
    /// scale, grid, typed choices and condition (defaults aside), escaped and written canonically, so that it is equal
    /// for two spaces exactly when they search the same values under the same names and conditions.</summary>
    /// <remarks>See docs/storage-format.md. Dials 0.1.0 stored the dimensions' display lines instead; studies stored
    /// that way still open (<see cref="FromSignature"/> reads both).</remarks>
    public string Signature => SpaceDocument.Write(Dimensions);

    /// <summary>Rebuilds a search space from its <see cref="Signature"/>, as a storage keeps it: names, kinds, bounds,
    /// scales, grids, choices and conditions, but not the hyperparameter type or its defaults (each dimension defaults
    /// to its low bound or first choice). Choices come back with their types (string, bool, int, long, double, float);
    /// an enum member or a value of another type comes back as an object that formats and stores as the original.
    /// Also reads the display lines Dials 0.1.0 stored, where enum members come back as strings.</summary>
    /// <param name="signature">A signature written by <see cref="Signature"/>, or by Dials 0.1.0.</param>
    /// <exception cref="FormatException">The signature cannot be read; the message names the dimension or line.</exception>
    /// <exception cref="ArgumentException">The dimensions do not form a space (a repeated name, an unknown parent).</exception>
    public static SearchSpace FromSignature(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new DescribedSearchSpace(SpaceDocument.IsDocument(signature) ? SpaceDocument.Read(signature) : LegacySignature.Parse(signature));
    }

    private protected void CheckLength(int length)
    {
        if (length != Dimensions.Count)
        {
            throw new ArgumentException($"A point of this search space has {Dimensions.Count} values, not {length}.");
        }
    }

    private protected static void ThrowIfInvalid(IReadOnlyList<ValidationError> errors, string parameter)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), parameter);
        }
    }

    private int[] TopologicalOrder()
    {
        var order = new List<int>(parents.Length);
        var state = new byte[parents.Length]; // 0 unvisited, 1 on the current path, 2 placed
        for (var i = 0; i < parents.Length; i++)
        {
            Visit(i);
        }

        return [.. order];

        void Visit(int i)
        {
            if (state[i] == 2)
            {
                return;
            }

            if (state[i] == 1)
            {
                throw new ArgumentException($"The conditions on dimension '{Dimensions[i].Name}' form a cycle.");
            }

            state[i] = 1;
            if (parents[i] >= 0)
            {
                Visit(parents[i]);
            }

            state[i] = 2;
            order.Add(i);
        }
    }
}
