using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests;

public sealed class CsvDatasetTests : IDisposable
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-csv-").FullName;

    [Fact]
    public void The_shipped_data_loads_for_regression()
    {
        var path = Path.Combine(Dials.Testing.RepositoryRoot.Path, "samples", "TuneMlNet", "data", "diabetes.csv");
        var data = CsvDataset.Load(Ml, path, "progression", TaskKind.Regression);

        Assert.Equal(442, data.Rows);
        Assert.Equal(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], data.FeatureColumns);
        var featurized = data.Featurize(Ml).Fit(data.Data).Transform(data.Data);
        Assert.Equal(10, Assert.IsType<VectorDataViewType>(featurized.Schema["Features"].Type).Size);
        Assert.Equal(NumberDataViewType.Single, featurized.Schema["Label"].Type);
    }

    [Theory]
    [InlineData(TaskKind.Binary, "yes", "no")]
    [InlineData(TaskKind.Multiclass, "a", "b", "c")]
    public void Classification_labels_become_the_type_trainers_expect(TaskKind task, params string[] classes)
    {
        var path = Write("x,y,label", Enumerable.Range(0, 30).Select(i => $"{i},{i * 2},{classes[i % classes.Length]}"));
        var data = CsvDataset.Load(Ml, path, "label", task);
        Assert.Equal(classes.Order(StringComparer.Ordinal), data.Classes);

        var label = data.Featurize(Ml).Fit(data.Data).Transform(data.Data).Schema["Label"].Type;
        Assert.True(task == TaskKind.Binary ? label is BooleanDataViewType : label is KeyDataViewType, $"{task} label is {label}");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<DataException>(() => CsvDataset.Load(Ml, Path.Combine(directory, "nope.csv"), "y", TaskKind.Regression));
        Assert.Contains("nope.csv' does not exist", error.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Assert.Throws<DataException>(() => CsvDataset.Load(Ml, Write("", []), "y", TaskKind.Regression));
        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns()
    {
        var error = Assert.Throws<DataException>(() => CsvDataset.Load(Ml, Write("a,b", Rows(20, "1,2")), "target", TaskKind.Regression));
        Assert.Contains("no column 'target'. Its columns: a, b", error.Message);
    }

    [Theory]
    [InlineData(TaskKind.Regression, "not a number")]
    [InlineData(TaskKind.Binary, "has 3 distinct value(s)")]
    [InlineData(TaskKind.Multiclass, "looks like a number rather than a class")]
    public void A_label_that_does_not_fit_the_task_is_refused(TaskKind task, string message)
    {
        var label = task switch
        {
            TaskKind.Regression => (Func<int, string>)(i => i % 2 == 0 ? "high" : "low"),
            TaskKind.Binary => i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var path = Write("x,y", Enumerable.Range(0, 30).Select(i => $"{i},{label(i)}"));
        Assert.Contains(message, Assert.Throws<DataException>(() => CsvDataset.Load(Ml, path, "y", task)).Message);
    }

    [Fact]
    public void A_non_numeric_feature_names_the_line_and_column()
    {
        var rows = Rows(20, "1,2").Append("oops,3");
        var error = Assert.Throws<DataException>(() => CsvDataset.Load(Ml, Write("a,y", rows), "y", TaskKind.Regression));
        Assert.Contains("line 22: feature 'a' is 'oops', not a number", error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static IEnumerable<string> Rows(int count, string row) => Enumerable.Repeat(row, count);

    private string Write(string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, header.Length == 0 ? [] : rows.Prepend(header));
        return path;
    }
}
