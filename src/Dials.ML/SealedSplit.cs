using Microsoft.ML;

namespace Dials.ML;

/// <summary>
/// A training set for tuning and a test set sealed until one final evaluation. The tuner only ever sees
/// <see cref="Train"/>; the test rows can be used once, through <see cref="EvaluateOnce{TMetrics}"/>, and that use
/// is recorded. Tuning against the test set (evaluating many candidates on it and keeping the best) inflates the
/// reported score, so a second evaluation is refused.
/// </summary>
public sealed class SealedSplit
{
    private readonly IDataView test;
    private readonly object gate = new();

    private SealedSplit(IDataView train, IDataView test, bool[] isTest, long trainRows, long testRows, double testFraction, int seed, string? stratifiedBy)
    {
        TestRowNumbers = [.. isTest.Select((sealedRow, row) => (sealedRow, row)).Where(x => x.sealedRow).Select(x => x.row)];
        Train = train;
        this.test = test;
        TrainRows = trainRows;
        TestRows = testRows;
        TestFraction = testFraction;
        Seed = seed;
        StratifiedBy = stratifiedBy;
    }

    /// <summary>The rows the tuner may use (cross-validation happens inside them).</summary>
    public IDataView Train { get; }

    /// <summary>How many rows are in <see cref="Train"/>.</summary>
    public long TrainRows { get; }

    /// <summary>How many rows are sealed for the final evaluation.</summary>
    public long TestRows { get; }

    /// <summary>The 0-based positions, in the data, of the rows sealed for the final evaluation (which rows, never their
    /// values: recorded so another tool can be compared on exactly the same split).</summary>
    public IReadOnlyList<int> TestRowNumbers { get; }

    /// <summary>The fraction of rows set aside.</summary>
    public double TestFraction { get; }

    /// <summary>The seed that chose the rows.</summary>
    public int Seed { get; }

    /// <summary>The label column whose class proportions both parts keep, when the split was stratified.</summary>
    public string? StratifiedBy { get; }

    /// <summary>The record of the final evaluation, once it has happened.</summary>
    public TestEvaluation? Evaluation { get; private set; }

    /// <summary>
    /// Sets aside <paramref name="testFraction"/> of the rows, chosen by <paramref name="seed"/>. With
    /// <paramref name="stratifyBy"/> (a classification label), each class contributes the same fraction, so a rare
    /// class is represented in both parts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The data is too small to split, or <paramref name="stratifyBy"/> is not a usable column.</exception>
    public static SealedSplit Create(IDataView data, double testFraction = 0.2, int seed = 0, string? stratifyBy = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1, exclusive.");
        }

        var groups = stratifyBy is null
            ? [Enumerable.Range(0, checked((int)Count(data))).ToList()]
            : ColumnReader.ReadAsText(data, stratifyBy)
                .Select((label, row) => (label, row))
                .GroupBy(x => x.label, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Select(x => x.row).ToList())
                .ToList();
        var rows = groups.Sum(g => g.Count);
        if (rows < 2)
        {
            throw new ArgumentException($"The data has {rows} row(s); a split needs at least two.", nameof(data));
        }

        var isTest = new bool[rows];
        var random = new Random(seed);
        foreach (var group in groups)
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            var take = (int)Math.Round(shuffled.Length * testFraction, MidpointRounding.AwayFromZero);
            foreach (var row in shuffled.Take(Math.Min(take, shuffled.Length - 1)))
            {
                isTest[row] = true;
            }
        }

        var testRows = isTest.LongCount(t => t);
        if (testRows == 0)
        {
            throw new ArgumentException($"A test fraction of {testFraction} of {rows} rows leaves no test rows.", nameof(testFraction));
        }

        return new SealedSplit(
            new RowMaskDataView(data, [.. isTest.Select(t => !t)]),
            new RowMaskDataView(data, isTest),
            isTest, rows - testRows, testRows, testFraction, seed, stratifyBy);
    }

    /// <summary>
    /// Unseals the test rows for the single final evaluation of the chosen model and records it.
    /// </summary>
    /// <param name="what">What is being evaluated (e.g. "LightGbm, trial 37"), kept in the record.</param>
    /// <param name="evaluate">Scores the test rows; called once.</param>
    /// <exception cref="InvalidOperationException">The test set was already used.</exception>
    public TMetrics EvaluateOnce<TMetrics>(string what, Func<IDataView, TMetrics> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        lock (gate)
        {
            if (Evaluation is { } done)
            {
                throw new InvalidOperationException(
                    $"The test split was already used at {done.At:u} to evaluate {done.What}. It is sealed after one evaluation: " +
                    "comparing several models on it and keeping the best turns it into a validation set and inflates the reported score. " +
                    "Compare candidates with cross-validation on the training split, then evaluate only the final choice on the test split.");
            }

            Evaluation = new TestEvaluation(what, DateTimeOffset.UtcNow);
        }

        return evaluate(test);
    }

    private static long Count(IDataView data)
    {
        if (data.GetRowCount() is { } known)
        {
            return known;
        }

        long count = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}

/// <summary>The record of a test split's single evaluation.</summary>
/// <param name="What">What was evaluated.</param>
/// <param name="At">When.</param>
public sealed record TestEvaluation(string What, DateTimeOffset At);
