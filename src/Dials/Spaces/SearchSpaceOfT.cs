namespace Dials;

/// <summary>Builds a configuration from a point; inactive coordinates are NaN and take their value from <paramref name="defaults"/>.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="point">One internal value per dimension, already checked.</param>
/// <param name="defaults">A fresh default configuration.</param>
public delegate T PointDecoder<T>(ReadOnlySpan<double> point, T defaults);

/// <summary>
/// The typed search space of a hyperparameter type <typeparamref name="T"/>: its dimensions, default, decoding of
/// sampled points into configurations, encoding back, and validation. The source generator creates one for every
/// <see cref="HyperparametersAttribute"/> type; it can also be built by hand.
/// </summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public sealed class SearchSpace<T> : SearchSpace
{
    private readonly Func<T> createDefault;
    private readonly Func<T, int, object?> read;
    private readonly PointDecoder<T> decode;
    private readonly double[] defaultPoint;

    /// <summary>Creates a search space.</summary>
    /// <param name="dimensions">The dimensions; their defaults are read from <paramref name="createDefault"/>'s result.</param>
    /// <param name="createDefault">Creates the default configuration.</param>
    /// <param name="read">Reads the value of dimension <c>i</c> from a configuration (null where a nested object is missing).</param>
    /// <param name="decode">Builds a configuration from a checked point.</param>
    /// <exception cref="ArgumentException">The dimensions are inconsistent (see <see cref="SearchSpace"/>).</exception>
    public SearchSpace(IReadOnlyList<Dimension> dimensions, Func<T> createDefault, Func<T, int, object?> read,
        PointDecoder<T> decode)
        : this(dimensions, Read(dimensions, createDefault(), read), createDefault, read, decode)
    {
    }

    private SearchSpace(IReadOnlyList<Dimension> dimensions, double[] defaults, Func<T> createDefault,
        Func<T, int, object?> read, PointDecoder<T> decode)
        : base([.. dimensions.Select((d, i) => d.WithDefault(double.IsNaN(defaults[i]) ? d.DefaultValue : defaults[i]))])
    {
        this.createDefault = createDefault;
        this.read = read;
        this.decode = decode;
        defaultPoint = defaults;
        ApplyConditions(defaultPoint);
    }

    /// <summary>
    /// A copy of this space with one dimension narrowed, for tuning a sub-range without touching the type: numeric
    /// bounds pulled in to [<paramref name="low"/>, <paramref name="high"/>], a categorical limited to a subset of
    /// its <paramref name="choices"/>, or the dimension pinned to <paramref name="fixedValue"/> (one value, so samplers
    /// never move it). The copy decodes through this space, so configurations are built exactly as before.
    /// </summary>
    /// <param name="name">The dimension's full (dotted) name.</param>
    /// <param name="low">A new low bound, within the current range (numeric dimensions).</param>
    /// <param name="high">A new high bound, within the current range (numeric dimensions).</param>
    /// <param name="choices">A subset of the current choices, in any order (categorical dimensions).</param>
    /// <param name="fixedValue">The one value the dimension takes (an allowed value of any kind).</param>
    /// <exception cref="ArgumentException">The name is not a dimension, the narrowing does not fit the dimension's
    /// kind, or a value is outside what the dimension allows; the message says which.</exception>
    public SearchSpace<T> Narrow(string name, double? low = null, double? high = null, IReadOnlyList<object>? choices = null,
        object? fixedValue = null)
    {
        var index = IndexOf(name);
        var (dimensions, originals, defaults) = SpaceNarrowing.Narrow(this, index, name, low, high, choices, fixedValue);

        // Narrowed internal values (indices into the subset or the pinned value) are translated back to this space's
        // before decoding, so the configuration is built by the same code.
        double[] Translate(ReadOnlySpan<double> point)
        {
            var original = point.ToArray();
            if (originals is not null && !double.IsNaN(original[index]))
            {
                original[index] = originals[(int)original[index]];
            }

            return original;
        }

        object? ReadNarrowed(T config, int i)
        {
            var value = read(config, i);
            if (originals is null || i != index)
            {
                return value;
            }

            var k = Array.IndexOf(originals, Dimensions[i].FromValue(value));
            return k < 0 ? value : dimensions[i].Choices[k];
        }

        return new SearchSpace<T>(dimensions, defaults, createDefault, ReadNarrowed, (point, defaultConfig) => decode(Translate(point), defaultConfig));
    }

    /// <summary>A fresh default configuration (every property at its initializer).</summary>
    public T Default => createDefault();

    /// <inheritdoc />
    public override double[] DefaultPoint => (double[])defaultPoint.Clone();

    /// <summary>Builds the configuration a point stands for. Inactive dimensions take their defaults.</summary>
    /// <exception cref="ArgumentException">The point has the wrong length or an active value is not allowed.</exception>
    public T Decode(ReadOnlySpan<double> point)
    {
        CheckLength(point.Length);
        var active = point.ToArray();
        ApplyConditions(active);
        ThrowIfInvalid(Check(active), nameof(point));
        return decode(active, createDefault());
    }

    /// <summary>Builds the configuration a unit-cube position stands for (see <see cref="SearchSpace.FromUnit"/>).</summary>
    public T DecodeUnit(ReadOnlySpan<double> unit) => decode(FromUnit(unit), createDefault());

    /// <summary>The point of a configuration: inactive dimensions NaN.</summary>
    /// <exception cref="ArgumentException">The configuration is not valid (see <see cref="Validate"/>).</exception>
    public double[] Encode(T config)
    {
        var point = Read(Dimensions, config, read);
        ApplyConditions(point);
        ThrowIfInvalid(Check(point), nameof(config));
        for (var i = 0; i < point.Length; i++)
        {
            // Valid values may carry float rounding (0.30000001 for 0.3); the point holds the exact grid value.
            point[i] = double.IsNaN(point[i]) ? double.NaN : Dimensions[i].Snap(point[i]);
        }

        return point;
    }

    /// <summary>
    /// The problems of a configuration: empty when it is valid, else one per active property whose value is out of
    /// range, off the step grid, not a power of two, not a choice, NaN or infinite, each naming the property, the
    /// value and the rule.
    /// </summary>
    public IReadOnlyList<ValidationError> Validate(T config)
    {
        var point = Read(Dimensions, config, read);
        List<ValidationError>? errors = null;
        foreach (var i in Order)
        {
            if (!IsActive(point, i) || Dimensions[i].Violation(point[i]) is not { } rule)
            {
                continue;
            }

            var text = double.IsNaN(point[i]) ? Dimension.FormatValue(read(config, i)) : Dimensions[i].Format(point[i]);
            (errors ??= []).Add(new ValidationError(Dimensions[i].Name, text, rule));
        }

        return errors ?? (IReadOnlyList<ValidationError>)[];
    }

    private static double[] Read(IReadOnlyList<Dimension> dimensions, T config, Func<T, int, object?> read)
    {
        var point = new double[dimensions.Count];
        for (var i = 0; i < point.Length; i++)
        {
            point[i] = dimensions[i].FromValue(read(config, i));
        }

        return point;
    }
}
