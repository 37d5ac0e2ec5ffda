namespace TuneNetwork;

/// <summary>
/// The three splits of one seed: training rows the network learns from, validation rows every trial is scored on, and
/// a test split sealed until the one final evaluation (<see cref="EvaluateTestOnce"/>). Stratified by digit, so each
/// split holds every class in the data's proportions.
/// </summary>
public sealed class DigitSplits
{
    /// <summary>The share of rows sealed for the final test.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The share of rows held out for validation.</summary>
    public const double ValidationFraction = 0.2;

    private readonly LabelledSet test;
    private DateTimeOffset? evaluatedAt;

    private DigitSplits(LabelledSet train, LabelledSet validation, LabelledSet test, int seed)
    {
        Train = train;
        Validation = validation;
        this.test = test;
        Seed = seed;
    }

    /// <summary>Rows to train on.</summary>
    public LabelledSet Train { get; }

    /// <summary>Rows to score trials on (the objective, pruning, the range test and scaling checks).</summary>
    public LabelledSet Validation { get; }

    /// <summary>Rows in the sealed test split.</summary>
    public int TestRows => test.Count;

    /// <summary>The seed of the shuffle.</summary>
    public int Seed { get; }

    /// <summary>When the test split was used, or null while it is sealed.</summary>
    public DateTimeOffset? EvaluatedAt => evaluatedAt;

    /// <summary>Shuffles each class's rows with <paramref name="seed"/> and deals them into the three splits.</summary>
    public static DigitSplits Create(LabelledSet data, int seed)
    {
        var random = new Random(seed);
        List<int> train = [], validation = [], test = [];
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data.Labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            var testCount = (int)Math.Round(rows.Length * TestFraction);
            var validationCount = (int)Math.Round(rows.Length * ValidationFraction);
            test.AddRange(rows[..testCount]);
            validation.AddRange(rows[testCount..(testCount + validationCount)]);
            train.AddRange(rows[(testCount + validationCount)..]);
        }

        return new DigitSplits(data.Take(train), data.Take(validation), data.Take(test), seed);
    }

    /// <summary>Scores the test split, once per run: a second call is refused, so no decision can lean on it.</summary>
    /// <exception cref="InvalidOperationException">The test split was already used.</exception>
    public T EvaluateTestOnce<T>(Func<LabelledSet, T> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        if (evaluatedAt is { } at)
        {
            throw new InvalidOperationException($"The sealed test split was already evaluated at {at:u}; it is used once, for the final score only.");
        }

        evaluatedAt = DateTimeOffset.UtcNow;
        return evaluate(test);
    }
}
