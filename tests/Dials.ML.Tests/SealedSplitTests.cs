using Microsoft.ML;

namespace Dials.ML.Tests;

public sealed class SealedSplitTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private sealed class Row
    {
        public int Id { get; set; }

        public bool Label { get; set; }
    }

    // 100 rows, 10% positive: a rare class that an unstratified split can leave out of a small test set.
    private static IDataView Data() =>
        Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 100).Select(i => new Row { Id = i, Label = i % 10 == 0 }));

    private static List<Row> Rows(IDataView view) => [.. Ml.Data.CreateEnumerable<Row>(view, reuseRowObject: false)];

    [Fact]
    public void Train_and_test_partition_the_rows_and_keep_class_proportions()
    {
        var split = SealedSplit.Create(Data(), testFraction: 0.2, seed: 3, stratifyBy: nameof(Row.Label));
        var train = Rows(split.Train);
        var test = split.EvaluateOnce("the test", Rows);

        Assert.Equal((80, 20), (train.Count, test.Count));
        Assert.Equal((80L, 20L), (split.TrainRows, split.TestRows));
        Assert.Empty(train.Select(r => r.Id).Intersect(test.Select(r => r.Id)));
        Assert.Equal(2, test.Count(r => r.Label));
        Assert.Equal(8, train.Count(r => r.Label));
    }

    [Fact]
    public void The_same_seed_chooses_the_same_rows_and_another_seed_others()
    {
        List<int> TrainIds(int seed) => [.. Rows(SealedSplit.Create(Data(), 0.2, seed, nameof(Row.Label)).Train).Select(r => r.Id)];
        Assert.Equal(TrainIds(5), TrainIds(5));
        Assert.NotEqual(TrainIds(5), TrainIds(6));
    }

    [Fact]
    public void A_second_evaluation_is_refused_with_the_reason()
    {
        var split = SealedSplit.Create(Data(), seed: 1);
        Assert.Null(split.Evaluation);
        split.EvaluateOnce("model A", test => test.GetRowCount());
        Assert.Equal("model A", split.Evaluation!.What);

        var error = Assert.Throws<InvalidOperationException>(() => split.EvaluateOnce("model B", test => test.GetRowCount()));
        Assert.Contains("already used", error.Message);
        Assert.Contains("model A", error.Message);
        Assert.Contains("inflates", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_test_fraction_outside_zero_to_one_is_refused(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SealedSplit.Create(Data(), fraction));

    [Fact]
    public void An_unknown_stratification_column_names_the_columns_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => SealedSplit.Create(Data(), stratifyBy: "Target"));
        Assert.Contains("no column 'Target'", error.Message);
        Assert.Contains("Label", error.Message);
    }
}
