using System.Runtime.CompilerServices;

namespace Dials.Samplers;

/// <summary>
/// Tries every combination of values: all values of categorical, integer, power-of-two and stepped dimensions, and
/// a given number of evenly spaced points (log-spaced where <see cref="Dimension.Log"/>) of continuous floats, or the
/// values given explicitly per dimension. Conditional dimensions are combined only where active, so no configuration
/// is tried twice.
/// </summary>
/// <remarks>
/// <para>The grid is walked in a fixed order (the first dimension varies slowest), or in an order shuffled by
/// <c>seed</c>. Each proposal is the first grid point in that order not yet taken by a trial of any state, running
/// ones included, so parallel workers spread over the grid and a sequential study is reproducible.</para>
/// <para>When every point has been tried the grid is exhausted: <see cref="Study{T}.OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
/// stops starting trials (queued configurations still run), and <see cref="Study{T}.Ask"/> walks the grid again,
/// proposing the least-tried points first.</para>
/// <para>Its trials record the strategy <c>grid</c>, with the point's place in the walk.</para>
/// </remarks>
public sealed class GridSampler : IFiniteSampler, IProposingSampler, IMultiObjectiveSampler
{
    /// <summary>The largest grid the sampler will build.</summary>
    public const int MaxPoints = 1_000_000;

    private readonly int floatPoints;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<object>> values;
    private readonly int? seed;
    private readonly ConditionalWeakTable<SearchSpace, GridPoints> grids = new();

    /// <summary>Points per continuous dimension, unless told otherwise.</summary>
    public const int DefaultFloatPoints = 5;

    /// <summary>Creates a grid sampler.</summary>
    /// <param name="floatPoints">How many evenly spaced values (ends included) a continuous float takes.</param>
    /// <param name="values">Explicit values for some dimensions, by dimension name, as typed values (the choice, a
    /// number); they must lie in the dimension. Other dimensions take their default grid.</param>
    /// <param name="seed">When set, the grid is walked in an order shuffled by this seed; null walks it in order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floatPoints"/> is below 2.</exception>
    public GridSampler(int floatPoints = DefaultFloatPoints, IReadOnlyDictionary<string, IReadOnlyList<object>>? values = null, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(floatPoints, 2);
        this.floatPoints = floatPoints;
        this.values = values ?? new Dictionary<string, IReadOnlyList<object>>();
        this.seed = seed;
    }

    /// <summary>The grid over <paramref name="space"/>, in walk order.</summary>
    /// <exception cref="ArgumentException">A given value is not in its dimension, a name is not a dimension, or the
    /// grid would exceed <see cref="MaxPoints"/>.</exception>
    public IReadOnlyList<IReadOnlyList<double>> PointsOf(SearchSpace space) => GridOf(space).Points;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var grid = GridOf(context.Space);
        var visits = Visits(grid, context.Trials);
        var least = visits.Min();
        var index = Array.IndexOf(visits, least);
        var place = $"grid point {index + 1} of {grid.Points.Count}";
        return new Proposal([.. grid.Points[index]], "grid",
            least == 0 ? place : $"{place}, again: every point has been tried {least} time{(least == 1 ? "" : "s")}");
    }

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public bool IsExhausted(SearchSpace space, IReadOnlyList<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trials);
        return Visits(GridOf(space), trials).All(v => v > 0);
    }

    private static int[] Visits(GridPoints grid, IReadOnlyList<TrialRecord> trials)
    {
        var visits = new int[grid.Points.Count];
        foreach (var trial in trials)
        {
            if (grid.IndexOf(trial.Point) is var index and >= 0)
            {
                visits[index]++;
            }
        }

        return visits;
    }

    private GridPoints GridOf(SearchSpace space) => grids.GetValue(space, Build);

    private GridPoints Build(SearchSpace space)
    {
        foreach (var name in values.Keys.Where(name => space.IndexOf(name) < 0))
        {
            throw new ArgumentException($"GridSampler was given values for '{name}', which is not a dimension of the space.", nameof(values));
        }

        var grid = new GridPoints(space, Levels, MaxPoints);
        if (seed is { } shuffleSeed)
        {
            grid.Shuffle(new TrialRandom(shuffleSeed, trialNumber: 0, purpose: 0x6721D));
        }

        return grid;
    }

    private double[] Levels(Dimension dimension)
    {
        if (values.TryGetValue(dimension.Name, out var given))
        {
            return [.. given.Select(value => Given(dimension, value)).Distinct()];
        }

        if (!dimension.IsDiscrete)
        {
            return [.. Enumerable.Range(0, floatPoints).Select(k => dimension.FromUnit(k / (floatPoints - 1.0))).Distinct()];
        }

        // A discrete dimension with more levels than the grid may hold ([IntRange(int.MinValue, int.MaxValue)]) is
        // refused before its levels are listed; its count may not even fit an int.
        int count;
        try
        {
            count = dimension.Count;
        }
        catch (OverflowException)
        {
            count = int.MaxValue;
        }

        if (count > MaxPoints)
        {
            throw GridPoints.TooLarge(dimension.Name, count < int.MaxValue ? count : Math.Floor(dimension.High - dimension.Low) + 1, MaxPoints);
        }

        return [.. Enumerable.Range(0, count).Select(k => dimension.Kind switch
        {
            DimensionKind.Categorical => k,
            DimensionKind.PowerOfTwo => dimension.Low * Math.Pow(2, k),
            _ => Math.Min(dimension.Low + k * dimension.Step, dimension.High),
        })];
    }

    private static double Given(Dimension dimension, object value)
    {
        var internalValue = dimension.FromValue(value);
        return dimension.Violation(internalValue) is { } rule
            ? throw new ArgumentException($"GridSampler value {value} for '{dimension.Name}' {rule}.", nameof(values))
            : internalValue;
    }
}
