using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests.Columns;

public sealed class ColumnInferenceTests : IDisposable
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly TempCsv files = new();

    [Fact]
    public void The_shipped_diabetes_data_is_numeric_throughout_like_CsvDataset_reads_it()
    {
        var path = Path.Combine(Dials.Testing.RepositoryRoot.Path, "samples", "TuneMlNet", "data", "diabetes.csv");
        var data = TabularData.Load(Ml, path, "progression", TaskKind.Regression);
        var old = CsvDataset.Load(Ml, path, "progression", TaskKind.Regression);

        Assert.Equal(old.FeatureColumns, data.Columns.Select(c => c.Name));
        Assert.All(data.Columns, c => Assert.Equal((ColumnKind.Numeric, 0), (c.Kind, c.Missing)));
        Assert.Equal(442, data.Rows);
        Assert.Equal(10, FeatureWidth(data));
    }

    [Fact]
    public void A_numeric_column_with_gaps_gets_the_mean_and_an_indicator()
    {
        var path = files.Write("x,size,y", 40, i => $"{i},{(i % 8 == 0 ? (i % 16 == 0 ? "" : "NA") : TempCsv.N(i * 0.5))},{i % 2}");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        var size = data.Columns[1];
        Assert.Equal(new ColumnDecision("size", ColumnKind.Numeric, null, 5, 35, "numeric, 5 missing: replaced by the mean plus an indicator"), size);
        Assert.Equal(new ColumnDecision("x", ColumnKind.Numeric, null, 0, 40, "numeric"), data.Columns[0]);
        // Both "" and "NA" load as NaN, so the replacement and the indicator see every gap.
        Assert.Equal(5, Floats(data.Data, "size").Count(float.IsNaN));

        var featurized = data.Featurize(Ml).Fit(data.Data).Transform(data.Data);
        var features = featurized.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToList();
        Assert.Equal(3, features[0].Length);
        var mean = Enumerable.Range(0, 40).Where(i => i % 8 != 0).Average(i => i * 0.5);
        Assert.Equal([0f, (float)mean, 1f], features[0]);
        Assert.Equal([1f, 0.5f, 0f], features[1]);
    }

    [Fact]
    public void A_categorical_at_or_below_the_limit_is_one_hot()
    {
        string[] colours = ["red", "green", "blue"];
        var path = files.Write("colour,y", 30, i => $"{colours[i % 3]},{i % 2}");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        Assert.Equal(new ColumnDecision("colour", ColumnKind.Categorical, CategoricalEncoding.OneHot, 0, 3, "3 levels: one-hot"), Assert.Single(data.Columns));
        Assert.Equal(3, FeatureWidth(data));
    }

    [Fact]
    public void An_empty_categorical_cell_is_all_zeros_and_NA_a_level_of_its_own()
    {
        string[] colours = ["red", "green", "", "NA"];
        var data = TabularData.Load(Ml, files.Write("colour,y", 20, i => $"{colours[i % 4]},{i % 2}"), "y", TaskKind.Binary);

        // NA counts as missing in the report, but the loader keeps it as text, so it gets a feature of its own.
        Assert.Equal("2 levels, 10 missing: one-hot", data.Columns[0].Reason);
        var features = data.Featurize(Ml).Fit(data.Data).Transform(data.Data).GetColumn<VBuffer<float>>("Features")
            .Take(4).Select(v => v.DenseValues().ToArray()).ToList();
        Assert.Equal([[1f, 0f, 0f], [0f, 1f, 0f], [0f, 0f, 0f], [0f, 0f, 1f]], features);
    }

    [Fact]
    public void A_categorical_above_the_limit_is_hashed_into_a_fixed_width()
    {
        var path = files.Write("city,y", 200, i => $"city{i % 50},{i % 2}");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        var city = Assert.Single(data.Columns);
        Assert.Equal((ColumnKind.Categorical, CategoricalEncoding.Hash, 50), (city.Kind, city.Encoding, city.Levels));
        Assert.Equal("50 levels: hashed into 128 features", city.Reason);
        Assert.Equal(128, FeatureWidth(data));
    }

    [Fact]
    public void Text_with_commas_and_quotes_in_quoted_values_is_featurized_as_text()
    {
        string[] words = ["good", "solid", "cheap", "broken", "late", "fine", "great"];
        var path = files.Write("review,stars,y", 30, i =>
            $"\"{words[i % 7]}, {words[(i + 3) % 7]} and \"\"{words[(i * 2) % 7]}\"\", order {i}\",{i % 5},{(i % 7 < 3 ? "happy" : "sad")}");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        var review = data.Columns[0];
        Assert.Equal((ColumnKind.Text, 30), (review.Kind, review.Levels));
        Assert.Equal("free text (mean 6.0 words): FeaturizeText", review.Reason);
        Assert.True(data.HasText);
        Assert.Equal(30, data.Rows);
        Assert.Equal("good, broken and \"good\", order 0", Texts(data.Data, "review")[0]);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (float)(i % 5)), Floats(data.Data, "stars"));
        Assert.True(FeatureWidth(data) > 20, "words and character n-grams");
    }

    [Fact]
    public void A_few_repeated_phrases_are_categories_not_text()
    {
        string[] answers = ["very happy with it", "would not buy again", "it was fine overall"];
        var data = TabularData.Load(Ml, files.Write("answer,y", 30, i => $"{answers[i % 3]},{i % 2}"), "y", TaskKind.Binary);

        Assert.Equal((ColumnKind.Categorical, CategoricalEncoding.OneHot), (data.Columns[0].Kind, data.Columns[0].Encoding));
        Assert.False(data.HasText);
    }

    [Theory]
    [InlineData("code", "A{0}", "a distinct value on every row: an identifier, ignored")]
    [InlineData("customer_id", "{0}", "a distinct whole number on every row, named like an identifier: ignored")]
    [InlineData("CustomerID", "{0}", "a distinct whole number on every row, named like an identifier: ignored")]
    [InlineData("unit", "same", "the same value on every row: nothing to learn from, ignored")]
    public void Identifiers_and_constants_are_ignored(string name, string format, string reason)
    {
        var path = files.Write($"{name},x,y", 20, i => $"{string.Format(System.Globalization.CultureInfo.InvariantCulture, format, i)},{i % 3},{i % 2}");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        Assert.Equal(new ColumnDecision(name, ColumnKind.Ignored, null, 0, name == "unit" ? 1 : 20, reason), data.Columns[0]);
        Assert.Equal(1, FeatureWidth(data));
    }

    [Theory]
    [InlineData("width")]
    [InlineData("valid")]
    [InlineData("row")]
    public void A_distinct_whole_number_on_every_row_not_named_like_an_identifier_is_numeric(string name)
    {
        var data = TabularData.Load(Ml, files.Write($"{name},y", 20, i => $"{i * 3},{i % 2}"), "y", TaskKind.Binary);

        Assert.Equal(ColumnKind.Numeric, data.Columns[0].Kind);
    }

    [Fact]
    public void A_quoted_value_may_span_lines_and_blank_lines_are_skipped()
    {
        var lines = new List<string> { "note,x,y" };
        lines.AddRange(Enumerable.Range(0, 12).Select(i => $"n{i % 4},{i},{i % 2}"));
        lines.Insert(3, "\"two\nlines\",99,1");
        lines.Insert(6, "");
        var data = TabularData.Load(Ml, files.Write(lines), "y", TaskKind.Binary);

        Assert.Equal(13, data.Rows);
        Assert.Equal(13, Floats(data.Data, "x").Count);
        Assert.Equal("two\nlines", Texts(data.Data, "note")[2]);
        Assert.Equal(99f, Floats(data.Data, "x")[2]);
    }

    [Fact]
    public void The_report_lists_the_label_then_every_column_with_its_reason()
    {
        var path = files.Write("id,colour,size,y", 20, i => $"{i},{(i % 2 == 0 ? "red" : "blue")},{i},{(i % 3 == 0 ? "yes" : "no")}");
        var report = TabularData.Load(Ml, path, "y", TaskKind.Binary).Describe();

        Assert.Equal(
        [
            new ColumnReportRow("y", "label", "binary: no / yes (positive)"),
            new ColumnReportRow("id", "ignored", "a distinct whole number on every row, named like an identifier: ignored"),
            new ColumnReportRow("colour", "categorical (one-hot)", "2 levels: one-hot"),
            new ColumnReportRow("size", "numeric", "numeric"),
        ], report);
    }

    [Fact]
    public void Blanks_are_cut_where_the_loader_cuts_them_so_inference_sees_the_values_trainers_see()
    {
        var path = files.Write("size , colour , y", 20, i => $" {i * 0.5} ,  {(i % 2 == 0 ? "red" : "blue")}, {i % 2} ");
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        Assert.Equal(["size", "colour"], data.Columns.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 0.5f), Floats(data.Data, "size"));
        Assert.Equal(["red", "blue"], Texts(data.Data, "colour").Distinct());
        Assert.Equal(["0", "1"], Texts(data.Data, "y").Distinct());
    }

    [Fact]
    public void Windows_line_ends_read_as_any_other()
    {
        var path = files.Write("x,colour,y", 12, i => $"{i},{(i % 2 == 0 ? "red" : "blue")},{i % 3 % 2}");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        var data = TabularData.Load(Ml, path, "y", TaskKind.Binary);

        Assert.Equal((12, 2), (data.Rows, data.Columns[1].Levels));
        Assert.Equal(["0", "1"], data.Classes);
        Assert.Equal(["0", "1"], Texts(data.Data, "y").Distinct().Order());
    }

    [Fact]
    public void A_label_with_a_blank_before_its_comma_keeps_it_as_the_trainers_would()
    {
        var path = files.Write("y,x", 20, i => $"{(i % 2 == 0 ? "yes" : "no")}{(i == 3 ? " " : "")},{i}");

        var error = Assert.Throws<DataException>(() => TabularData.Load(Ml, path, "y", TaskKind.Binary)).Message;
        Assert.Contains("has 3 distinct value(s) (no, no , yes)", error);
    }

    public void Dispose() => files.Dispose();

    private static int FeatureWidth(TabularData data) =>
        Assert.IsType<VectorDataViewType>(data.Featurize(Ml).Fit(data.Data).Transform(data.Data).Schema["Features"].Type).Size;

    private static List<float> Floats(IDataView data, string column) => [.. data.GetColumn<float>(column)];

    private static List<string> Texts(IDataView data, string column) => [.. data.GetColumn<ReadOnlyMemory<char>>(column).Select(t => t.ToString())];
}
