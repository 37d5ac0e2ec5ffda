using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests.Columns;

public sealed class TabularDataEndToEndTests : IDisposable
{
    private const string Header = "id,age,colour,city,review,y";
    private static readonly string[] Colours = ["red", "green", "blue"];
    private readonly MLContext ml = new(seed: 1);
    private readonly TempCsv files = new();

    [Fact]
    public void A_mixed_csv_trains_and_scores_and_unseen_levels_still_score()
    {
        var data = TabularData.Load(ml, files.Write(Mixed(300, seed: 7)), "y", TaskKind.Binary);
        Assert.Equal(
            [(ColumnKind.Ignored, null), (ColumnKind.Numeric, null), (ColumnKind.Categorical, CategoricalEncoding.OneHot),
             (ColumnKind.Categorical, CategoricalEncoding.Hash), (ColumnKind.Text, (CategoricalEncoding?)null)],
            data.Columns.Select(c => (c.Kind, c.Encoding)));

        var train = ml.Data.TakeRows(data.Data, 240);
        var model = data.Featurize(ml).Append(Trainer()).Fit(train);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.SkipRows(data.Data, 240)));
        Assert.True(metrics.AreaUnderRocCurve > 0.85, $"AUC {metrics.AreaUnderRocCurve}");

        var unseen = files.Write(Enumerable.Range(0, 5).Select(i => $"{900 + i},{(i == 0 ? "" : "44")},purple,atlantis,\"never, ever seen words {i}\",yes").Prepend(Header));
        var probabilities = model.Transform(data.LoadRows(ml, unseen)).GetColumn<float>("Probability").ToList();
        Assert.Equal(5, probabilities.Count);
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void A_model_of_the_features_alone_is_saved_and_scores_rows_without_a_label()
    {
        var data = TabularData.Load(ml, files.Write(Mixed(200, seed: 3)), "y", TaskKind.Binary);
        var labelled = data.ConvertLabel(ml).Fit(data.Data).Transform(data.Data);
        var model = data.FeaturizeFeatures(ml).Append(Trainer()).Fit(labelled);
        using var zip = new MemoryStream();
        ml.Model.Save(model, data.Data.Schema, zip);
        zip.Position = 0;
        var loaded = ml.Model.Load(zip, out _);

        // No label, no id (ignored), the columns in another order.
        var rows = Rows(20, seed: 11);
        var path = files.Write(rows.Select(r => $"\"{r.Review}\",{r.City},{r.Colour},{r.Age}").Prepend("review,city,colour,age"));
        var predicted = loaded.Transform(data.LoadRows(ml, path)).GetColumn<bool>("PredictedLabel").ToList();

        Assert.Equal(20, predicted.Count);
        var right = predicted.Zip(rows).Count(p => p.First == p.Second.Yes);
        Assert.True(right >= 15, $"{right} of 20 right");
    }

    [Fact]
    public void Rows_to_score_must_have_every_column_the_features_use()
    {
        var data = TabularData.Load(ml, files.Write(Mixed(40, seed: 5)), "y", TaskKind.Binary);
        var path = files.Write(["age,colour,review", "30,red,\"fine, thanks\""]);

        var error = Assert.Throws<DataException>(() => data.LoadRows(ml, path)).Message;
        Assert.EndsWith("has no column 'city', which the features use (categorical). Its columns: age, colour, review.", error);
    }

    public void Dispose() => files.Dispose();

    private IEstimator<ITransformer> Trainer() =>
        ml.Transforms.NormalizeMinMax("Features").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 50));

    private static List<string> Mixed(int count, int seed) =>
        [Header, .. Rows(count, seed).Select(r => $"{r.Id},{r.Age},{r.Colour},{r.City},\"{r.Review}\",{(r.Yes ? "yes" : "no")}")];

    // Rows whose label shows in the colour, the age and the review's words, with gaps in the age and an id column.
    private static List<Row> Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (var i = 0; i < count; i++)
        {
            var yes = random.NextDouble() < 0.5;
            var colour = random.NextDouble() < 0.7 ? (yes ? "red" : Colours[1 + random.Next(2)]) : Colours[random.Next(3)];
            var age = random.NextDouble() < 0.1 ? "" : TempCsv.N((yes ? 45 : 25) + random.Next(25));
            var mood = random.NextDouble() < 0.75 == yes ? "great, really liked it" : "awful, sadly broke";
            rows.Add(new Row(i, age, colour, $"city{random.Next(45)}", $"{mood}, order {i} came on day {random.Next(9)}", yes));
        }

        return rows;
    }

    private sealed record Row(int Id, string Age, string Colour, string City, string Review, bool Yes);
}
