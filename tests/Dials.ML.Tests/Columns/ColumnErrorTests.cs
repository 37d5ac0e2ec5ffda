using Microsoft.ML;

namespace Dials.ML.Tests.Columns;

public sealed class ColumnErrorTests : IDisposable
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly TempCsv files = new();

    [Fact]
    public void A_column_an_override_names_that_does_not_exist_is_named_with_the_columns()
    {
        var error = Refused(new ColumnOverrides { Categorical = ["Colour"] });

        Assert.Contains("Column 'Colour' named by --categorical is not in", error);
        Assert.Contains("did you mean 'colour'?", error);
        Assert.EndsWith("Its columns: size, colour, y.", error);
    }

    [Fact]
    public void A_column_named_in_two_overrides_is_refused()
    {
        var error = Refused(new ColumnOverrides { Text = ["colour"], Ignore = ["colour"] });

        Assert.Equal("Column 'colour' is named by both --text and --ignore; name it in one.", error);
    }

    [Fact]
    public void The_label_in_an_override_is_refused()
    {
        Assert.StartsWith("Column 'y' named by --numeric is the label", Refused(new ColumnOverrides { Numeric = ["y"] }));
    }

    [Fact]
    public void A_column_set_numeric_that_holds_text_names_the_line_and_value()
    {
        Assert.EndsWith("is set numeric by --numeric, but line 2 has 'red', which is not a number.", Refused(new ColumnOverrides { Numeric = ["colour"] }));
    }

    [Fact]
    public void A_one_hot_limit_below_one_is_refused()
    {
        Assert.StartsWith("Columns:MaxOneHotLevels is 0", Refused(new ColumnOverrides { MaxOneHotLevels = 0 }));
    }

    [Theory]
    [InlineData(TaskKind.Binary, "a binary task needs exactly two")]
    [InlineData(TaskKind.Multiclass, "a multiclass task needs at least three")]
    public void A_label_with_one_class_is_named(TaskKind task, string needs)
    {
        var path = files.Write("x,outcome", 20, i => $"{i},same");
        var error = Assert.Throws<DataException>(() => TabularData.Load(Ml, path, "outcome", task)).Message;

        Assert.StartsWith("Label 'outcome'", error);
        Assert.Contains("has 1 distinct value(s)", error);
        Assert.Contains(needs, error);
    }

    [Fact]
    public void A_row_without_a_label_is_named_by_its_line()
    {
        var path = files.Write("x,outcome", 20, i => $"{i},{(i == 4 ? "NA" : (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture))}");

        Assert.StartsWith("Label 'outcome' in", Refused(path, "outcome"));
        Assert.Contains("is missing on line 6 ('NA')", Refused(path, "outcome"));
    }

    [Fact]
    public void An_all_missing_column_suggests_ignore()
    {
        var path = files.Write("x,empty,y", 20, i => $"{i},{(i % 2 == 0 ? "" : "NA")},{i % 2}");

        Assert.EndsWith("has no values: all 20 cells are missing. Leave it out with --ignore empty.", Refused(path));
        Assert.StartsWith("Column 'empty'", Refused(path));
        Assert.Equal(ColumnKind.Ignored, TabularData.Load(Ml, path, "y", TaskKind.Binary, new ColumnOverrides { Ignore = ["empty"] }).Columns[1].Kind);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        Assert.EndsWith("nope.csv' does not exist.", Refused(files.Missing));
    }

    [Fact]
    public void A_missing_label_column_lists_the_columns()
    {
        Assert.EndsWith("has no column 'target' for the label. Its columns: size, colour, y.", Refused(Good(), "target"));
    }

    [Fact]
    public void A_ragged_row_is_named_by_its_file_line()
    {
        var lines = File.ReadAllLines(Good()).ToList();
        lines.Insert(2, "\"a quoted\nvalue\",red,1");
        lines[7] = "3,red";
        var error = Refused(files.Write(lines));

        // Line 9 of the file: the quoted value before it spans two lines.
        Assert.EndsWith("line 9: 2 values where the header has 3 columns.", error);
    }

    [Fact]
    public void An_unclosed_quote_is_named_by_the_line_it_opens_on()
    {
        var lines = File.ReadAllLines(Good()).ToList();
        lines[3] = "1,\"red,1";
        Assert.EndsWith("line 4: a quoted value opens there and is never closed.", Refused(files.Write(lines)));
    }

    [Fact]
    public void A_header_with_a_column_twice_is_refused()
    {
        var path = files.Write("x,x,y", 20, i => $"{i},{i},{i % 2}");
        Assert.EndsWith("column 'x' appears twice in the header; rename one.", Refused(path));
    }

    [Fact]
    public void A_file_with_every_column_ignored_is_refused()
    {
        var path = files.Write("id,y", 20, i => $"{i},{i % 2}");
        Assert.Contains("has no column left to learn from: 'id': a distinct whole number", Refused(path));
    }

    public void Dispose() => files.Dispose();

    private string Good() => files.Write("size,colour,y", 20, i => $"{i},{(i % 2 == 0 ? "red" : "blue")},{i % 3 % 2}");

    private string Refused(ColumnOverrides overrides) =>
        Assert.Throws<DataException>(() => TabularData.Load(Ml, Good(), "y", TaskKind.Binary, overrides)).Message;

    private static string Refused(string path, string label = "y") =>
        Assert.Throws<DataException>(() => TabularData.Load(Ml, path, label, TaskKind.Binary)).Message;
}
