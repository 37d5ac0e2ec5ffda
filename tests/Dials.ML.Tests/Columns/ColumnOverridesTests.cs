using Microsoft.Extensions.Configuration;
using Microsoft.ML;

namespace Dials.ML.Tests.Columns;

public sealed class ColumnOverridesTests : IDisposable
{
    private static readonly MLContext Ml = new(seed: 1);
    private readonly TempCsv files = new();

    [Fact]
    public void Categorical_makes_numeric_codes_levels()
    {
        var data = Load(new ColumnOverrides { Categorical = ["grade"] });

        Assert.Equal(new ColumnDecision("grade", ColumnKind.Categorical, CategoricalEncoding.OneHot, 0, 4, "set by --categorical: 4 levels: one-hot"), data.Columns[1]);
    }

    [Fact]
    public void Text_makes_short_values_text()
    {
        var data = Load(new ColumnOverrides { Text = ["colour"] });

        Assert.Equal((ColumnKind.Text, "set by --text: free text (mean 1.0 words): FeaturizeText"), (data.Columns[2].Kind, data.Columns[2].Reason));
        Assert.True(data.HasText);
    }

    [Fact]
    public void Ignore_leaves_a_column_out_of_the_features()
    {
        var data = Load(new ColumnOverrides { Ignore = ["colour", "grade"] });

        Assert.Equal((ColumnKind.Ignored, "set by --ignore"), (data.Columns[2].Kind, data.Columns[2].Reason));
        Assert.Equal(ColumnKind.Ignored, data.Columns[1].Kind);
        Assert.Equal(1, FeatureWidth(data));
    }

    [Fact]
    public void Numeric_keeps_a_column_named_like_an_identifier()
    {
        var data = Load(new ColumnOverrides { Numeric = ["order_id"] });

        Assert.Equal(new ColumnDecision("order_id", ColumnKind.Numeric, null, 0, 40, "set by --numeric: numeric"), data.Columns[0]);
        Assert.Equal(ColumnKind.Ignored, Load(null).Columns[0].Kind);
    }

    [Theory]
    [InlineData(4, CategoricalEncoding.OneHot)]
    [InlineData(3, CategoricalEncoding.Hash)]
    public void MaxOneHotLevels_moves_the_switch_to_hashing(int max, CategoricalEncoding encoding)
    {
        var data = Load(new ColumnOverrides { Categorical = ["grade"], MaxOneHotLevels = max });

        Assert.Equal(encoding, data.Columns[1].Encoding);
    }

    [Fact]
    public void The_overrides_bind_from_an_appsettings_section()
    {
        var json = files.Write(["""{ "Columns": { "Categorical": [ "grade" ], "Ignore": [ "colour" ], "MaxOneHotLevels": 8 } }"""]);
        var configuration = new ConfigurationBuilder().AddJsonFile(json).Build();

        var overrides = configuration.GetSection(ColumnOverrides.SectionName).Get<ColumnOverrides>()!;

        Assert.Equal(["grade"], overrides.Categorical);
        Assert.Equal(["colour"], overrides.Ignore);
        Assert.Empty(overrides.Text);
        Assert.Equal(8, overrides.MaxOneHotLevels);
        Assert.Equal(32, new ColumnOverrides().MaxOneHotLevels);
    }

    public void Dispose() => files.Dispose();

    private TabularData Load(ColumnOverrides? overrides)
    {
        string[] colours = ["red", "green"];
        var path = files.Write("order_id,grade,colour,size,y", 40, i => $"{1000 + i},{i % 4},{colours[i % 2]},{i * 0.25},{i % 3 % 2}");
        return TabularData.Load(Ml, path, "y", TaskKind.Binary, overrides);
    }

    private static int FeatureWidth(TabularData data) =>
        Assert.IsType<Microsoft.ML.Data.VectorDataViewType>(data.FeaturizeFeatures(Ml).Fit(data.Data).Transform(data.Data).Schema["Features"].Type).Size;
}
