using System.Globalization;

namespace Dials;

/// <summary>
/// One searchable hyperparameter: its name, kind, bounds, scale, grid, choices, condition and default.
/// </summary>
/// <remarks>
/// Samplers work on internal values, one <see cref="double"/> per dimension: the number itself for numeric kinds and
/// the choice index for <see cref="DimensionKind.Categorical"/>; <see cref="double.NaN"/> marks an inactive dimension.
/// <see cref="ToUnit"/> and <see cref="FromUnit"/> map internal values to and from [0, 1] so that a uniform draw in
/// the unit interval is a uniform draw in the dimension (in log space where <see cref="Log"/>, one equal-width bin a
/// value where the dimension is discrete).
/// </remarks>
public sealed class Dimension
{
    private readonly int levels;

    private Dimension(string name, DimensionKind kind, double low, double high, bool log, double step,
        IReadOnlyList<object> choices, DimensionCondition? condition, double defaultValue)
    {
        Name = name;
        Kind = kind;
        Low = low;
        High = high;
        Log = log;
        Step = step;
        Choices = choices;
        Condition = condition;
        DefaultValue = defaultValue;
        levels = kind switch
        {
            DimensionKind.Categorical => choices.Count,
            DimensionKind.PowerOfTwo => (int)Math.Round(Math.Log2(high) - Math.Log2(low)) + 1,
            _ when step > 0 && !log => checked((int)Math.Round((high - low) / step)) + 1,
            _ => 0,
        };
    }

    /// <summary>Full name; nested hyperparameters are dotted (<c>Schedule.WarmupSteps</c>).</summary>
    public string Name { get; }

    /// <summary>What values the dimension takes.</summary>
    public DimensionKind Kind { get; }

    /// <summary>Smallest value (numeric kinds); 0 for categorical.</summary>
    public double Low { get; }

    /// <summary>Largest value (numeric kinds); the last choice index for categorical.</summary>
    public double High { get; }

    /// <summary>Whether values are spread uniformly in log space.</summary>
    public bool Log { get; }

    /// <summary>Grid spacing; 0 for a continuous float, a power of two's and a categorical.</summary>
    public double Step { get; }

    /// <summary>The allowed values of a categorical dimension, in declaration order; empty otherwise.</summary>
    public IReadOnlyList<object> Choices { get; }

    /// <summary>When set, the dimension is active only while another one takes given values.</summary>
    public DimensionCondition? Condition { get; }

    /// <summary>The default as an internal value (the choice index for a categorical).</summary>
    public double DefaultValue { get; }

    /// <summary>The default as a value: the choice itself, a <see cref="long"/> or a <see cref="double"/>.</summary>
    public object Default => ToValue(DefaultValue);

    /// <summary>Whether the dimension has finitely many values (everything but a float without a step).</summary>
    public bool IsDiscrete => Kind != DimensionKind.Float || Step > 0;

    /// <summary>The number of values of a discrete dimension (<see cref="IsDiscrete"/>); 0 for a continuous one.</summary>
    public int Count => levels > 0 ? levels : Kind == DimensionKind.Int ? checked((int)(High - Low)) + 1 : 0;

    /// <summary>A continuous dimension on a float or double property.</summary>
    public static Dimension Float(string name, double low, double high, bool log = false, double step = 0,
        DimensionCondition? condition = null)
    {
        Require(name, double.IsFinite(low) && double.IsFinite(high) && low < high, "needs finite bounds with low < high");
        Require(name, !log || low > 0, "is log-scaled, so its low bound must be above 0");
        Require(name, step >= 0 && !(log && step > 0), "takes a positive step, and not together with Log");
        Require(name, step == 0 || IsMultiple(high - low, step), "has a step that does not divide its range");
        RequireCountable(name, low, high, step);
        return new Dimension(name, DimensionKind.Float, low, high, log, step, [], condition, low);
    }

    /// <summary>An integer dimension on an int or long property.</summary>
    public static Dimension Int(string name, long low, long high, long step = 1, bool log = false,
        DimensionCondition? condition = null)
    {
        Require(name, low < high, "needs low < high");
        Require(name, step >= 1, "has a step that is not positive");
        RequireCountable(name, low, high, step);
        Require(name, ((Int128)high - low) % step == 0, "has a step that does not divide its range");
        Require(name, !log || (low >= 1 && step == 1), "is log-scaled, so it needs low >= 1 and step 1");
        return new Dimension(name, DimensionKind.Int, low, high, log, step, [], condition, low);
    }

    /// <summary>A dimension whose values are the powers of two from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static Dimension PowerOfTwo(string name, long low, long high, DimensionCondition? condition = null)
    {
        Require(name, IsPowerOfTwo(low) && IsPowerOfTwo(high) && low < high, "needs powers of two with low < high");
        return new Dimension(name, DimensionKind.PowerOfTwo, low, high, log: true, step: 0, [], condition, low);
    }

    /// <summary>A categorical dimension over distinct <paramref name="choices"/>.</summary>
    public static Dimension Categorical(string name, IReadOnlyList<object> choices, DimensionCondition? condition = null)
    {
        Require(name, choices.Count > 0, "needs at least one choice");
        Require(name, choices.Distinct().Count() == choices.Count, "has duplicate choices");
        Require(name, choices.All(DimensionLimits.IsFiniteChoice), "has a choice that is not a finite number");
        return new Dimension(name, DimensionKind.Categorical, 0, choices.Count - 1, log: false, step: 0, choices, condition, 0);
    }

    /// <summary>A copy with another default (an internal value).</summary>
    public Dimension WithDefault(double value) =>
        new(Name, Kind, Low, High, Log, Step, Choices, Condition, value);

    /// <summary>Maps an internal value to [0, 1].</summary>
    public double ToUnit(double value)
    {
        if (levels > 0)
        {
            return (LevelOf(value) + 0.5) / levels;
        }

        var (lo, hi) = ContinuousBounds();
        var x = Log ? Math.Log(value) : value;
        return Math.Clamp(double.IsFinite(hi - lo) ? (x - lo) / (hi - lo) : (x / 2 - lo / 2) / (hi / 2 - lo / 2), 0, 1);
    }

    /// <summary>Maps a point of [0, 1] to the internal value it stands for (on the grid, within bounds).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is NaN or infinite; the message names the
    /// dimension (a clamp would silently turn it into an end of the range or the first level).</exception>
    public double FromUnit(double unit)
    {
        if (!double.IsFinite(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"'{Name}': the unit-cube coordinate {unit} is not a finite number in [0, 1].");
        }

        unit = Math.Clamp(unit, 0, 1);
        if (levels > 0)
        {
            return ValueAtLevel(Math.Min((int)(unit * levels), levels - 1));
        }

        // A range wider than double.MaxValue ([-MaxValue, MaxValue]) has an infinite width: blend the ends instead,
        // which never overflows (the plain form is kept otherwise, so seeded runs keep their exact values).
        var (lo, hi) = ContinuousBounds();
        var x = double.IsFinite(hi - lo) ? lo + unit * (hi - lo) : lo * (1 - unit) + hi * unit;
        return Snap(Log ? Math.Exp(x) : x);
    }

    /// <summary>The nearest allowed internal value to <paramref name="value"/>.</summary>
    public double Snap(double value)
    {
        if (levels > 0)
        {
            return ValueAtLevel(Math.Clamp(LevelOf(value), 0, levels - 1));
        }

        var clamped = Math.Clamp(value, Low, High);
        return Kind == DimensionKind.Int ? Math.Clamp(Math.Round(clamped), Low, High) : clamped;
    }

    /// <summary>The rule an internal value breaks, or null when it is allowed.</summary>
    public string? Violation(double value)
    {
        if (!double.IsFinite(value))
        {
            return Kind == DimensionKind.Categorical ? $"is not one of {FormatChoices()}" : "is not a finite number";
        }

        if (Kind == DimensionKind.Categorical)
        {
            return value >= 0 && value < Choices.Count && value == Math.Floor(value) ? null : $"is not one of {FormatChoices()}";
        }

        if ((value < Low && !Near(value, Low)) || (value > High && !Near(value, High)))
        {
            return $"is outside [{Format(Low)}, {Format(High)}]";
        }

        if (Kind == DimensionKind.PowerOfTwo)
        {
            return value == Math.Floor(value) && IsPowerOfTwo((long)value) ? null : "is not a power of two";
        }

        if (Kind == DimensionKind.Int && value != Math.Floor(value))
        {
            return "is not a whole number";
        }

        return Step > 0 && !Near(value, Snap(value))
            ? $"is off the step grid {Format(Low)} + k * {Format(Step)}"
            : null;
    }

    /// <summary>
    /// Whether two values are equal up to single precision: a <see cref="float"/> property stores 0.3 as
    /// 0.30000001, which must still count as the bound or grid value it was decoded from.
    /// </summary>
    private static bool Near(double value, double target) =>
        Math.Abs(value - target) <= 1.2e-7 * Math.Max(Math.Abs(value), Math.Abs(target));

    /// <summary>The typed value of an internal value: the choice, a <see cref="long"/> or a <see cref="double"/>.</summary>
    public object ToValue(double value) => Kind switch
    {
        DimensionKind.Categorical => Choices[(int)value],
        DimensionKind.Int or DimensionKind.PowerOfTwo => (long)value,
        _ => value,
    };

    /// <summary>The internal value of a typed value, or NaN when it is not one of the choices or not a number.</summary>
    public double FromValue(object? value)
    {
        if (Kind == DimensionKind.Categorical)
        {
            for (var i = 0; i < Choices.Count; i++)
            {
                if (Equals(Choices[i], value))
                {
                    return i;
                }
            }

            return double.NaN;
        }

        return value is IConvertible convertible && value is not string and not bool
            ? convertible.ToDouble(CultureInfo.InvariantCulture)
            : double.NaN;
    }

    /// <summary>An internal value as invariant text: the choice for a categorical, the number otherwise.</summary>
    public string Format(double value) => Kind == DimensionKind.Categorical && value >= 0 && value < Choices.Count
        ? FormatValue(Choices[(int)value])
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A one-line description of the dimension (kind, bounds, scale, grid, choices, condition).</summary>
    public override string ToString() =>
        $"{Name}: {Shape()}" + (Condition is null ? "" : $" when {Condition.Parent} in [{string.Join(", ", Condition.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]");

    /// <summary>The values the dimension takes, without its name or condition: kind, bounds, scale, grid, choices.</summary>
    internal string Shape() => Kind switch
    {
        DimensionKind.Categorical => $"choice of {FormatChoices()}",
        DimensionKind.PowerOfTwo => $"power of two in [{Format(Low)}, {Format(High)}]",
        _ => $"{Kind.ToString().ToLowerInvariant()} in [{Format(Low)}, {Format(High)}]"
             + (Log ? " log" : "") + (Step > 0 && !(Kind == DimensionKind.Int && Step == 1) ? $" step {Format(Step)}" : ""),
    };

    /// <summary>A value as people read it in messages: strings quoted, bools lower case, numbers invariant, null as null.</summary>
    internal static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => '"' + s + '"',
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private (double Low, double High) ContinuousBounds()
    {
        // Integers own the half-unit either side of them, so the end values are as likely as the inner ones.
        var (lo, hi) = Kind == DimensionKind.Int ? (Low - 0.5, High + 0.5) : (Low, High);
        return Log ? (Math.Log(lo), Math.Log(hi)) : (lo, hi);
    }

    private int LevelOf(double value) => Kind switch
    {
        DimensionKind.Categorical => (int)value,
        DimensionKind.PowerOfTwo => (int)Math.Round(Math.Log2(value / Low)),
        _ => (int)Math.Round((value - Low) / Step),
    };

    private double ValueAtLevel(int level) => Kind switch
    {
        DimensionKind.Categorical => level,
        DimensionKind.PowerOfTwo => Low * Math.Pow(2, level),
        _ => Math.Min(GridValue(level), High),
    };

    /// <summary>
    /// low + level * step, computed in decimal where it fits so that 0 + 6 * 0.05 is 0.3 and not 0.30000000000000004:
    /// grid values are the numbers a user wrote down, and they show up in logs and configuration files.
    /// </summary>
    private double GridValue(int level)
    {
        const double DecimalSafe = 1e15;
        return Math.Abs(Low) < DecimalSafe && Math.Abs(High) < DecimalSafe && Step >= 1e-12
            ? (double)((decimal)Low + level * (decimal)Step)
            : Low + level * Step;
    }

    private string FormatChoices() => "[" + string.Join(", ", Choices.Select(FormatValue)) + "]";

    private static bool IsMultiple(double span, double step)
    {
        var ratio = span / step;
        return Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1, Math.Abs(ratio));
    }

    /// <summary>Refuses a grid (step above 0) with more values than a dimension can count.</summary>
    private static void RequireCountable(string name, double low, double high, double step)
    {
        if (step > 0 && DimensionLimits.HasTooManyValues(low, high, step))
        {
            Require(name, false, string.Create(CultureInfo.InvariantCulture,
                $"takes {DimensionLimits.ValueCount(low, high, step):R} values from {low:R} to {high:R} by {step:R}, more than the {DimensionLimits.MaxValueCount} a dimension can hold"));
        }
    }

    private static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;

    private static void Require(string name, bool condition, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Dimension '{name}' {rule}.", nameof(name));
        }
    }
}
