using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests.Models;

/// <summary>model.zip: ML.NET's model file plus Dials' entry, written atomically and read back whole.</summary>
public sealed class TunedModelTests : IDisposable
{
    private readonly MLContext ml = new(seed: 1);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-model-").FullName;

    [Theory]
    [InlineData(TaskKind.Regression, "Sdca")]
    [InlineData(TaskKind.Binary, "LightGbm")]
    [InlineData(TaskKind.Multiclass, "Sdca")]
    public void A_saved_model_loads_with_its_facts_and_predicts_as_before(TaskKind task, string trainer)
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), task, trainer);
        var path = Path.Combine(directory, "out", "model.zip");

        var written = TunedModel.Save(ml, model, data.Schema, path, info);
        var loaded = TunedModel.Load(new MLContext(seed: 2), path);

        Assert.Equal(Path.GetFullPath(path), written);
        Assert.Equal(written, loaded.Path);
        Assert.Equal((info.Task, info.LabelColumn, info.Trainer, "tiny", 3), (loaded.Info.Task, loaded.Info.LabelColumn, loaded.Info.Trainer, loaded.Info.Study, loaded.Info.Trial));
        Assert.Equal(info.Classes, loaded.Info.Classes);
        Assert.Equal([new("x1", "Single"), new("x2", "Single"), new("color", "String"), new(TinyModels.Label(task), "String")], loaded.Info.Inputs);
        Assert.Equal(data.Schema.Select(c => (c.Name, c.Type)), loaded.InputSchema.Select(c => (c.Name, c.Type)));
        Assert.Equal(Scores(model.Transform(data)), Scores(loaded.Transformer.Transform(data)));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left beside it
    }

    [Fact]
    public void The_zip_carries_the_json_entry_and_ml_net_alone_still_loads_it()
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Binary, "FastTree");
        var path = Path.Combine(directory, "model.zip");
        TunedModel.Save(ml, model, data.Schema, path, info with { Inputs = [new("ignored", "Single")] });

        using (var zip = ZipFile.OpenRead(path))
        {
            using var json = JsonDocument.Parse(zip.GetEntry("Dials/model.json")!.Open());
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("format").GetInt32());
            Assert.Equal("Binary", root.GetProperty("task").GetString());
            Assert.Equal("grade", root.GetProperty("labelColumn").GetString());
            Assert.Equal(["high", "low"], root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("FastTree", root.GetProperty("trainer").GetString());
            Assert.Equal("tiny", root.GetProperty("study").GetString());
            Assert.Equal(3, root.GetProperty("trial").GetInt32());
            Assert.Equal(["x1:Single", "x2:Single", "color:String", "grade:String"],
                root.GetProperty("inputs").EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()));
            Assert.All(root.GetProperty("inputs").EnumerateArray(), c => Assert.True(c.GetProperty("used").GetBoolean()));
        }

        // What a user's program does with plain ML.NET, without Dials.
        var plain = new MLContext().Model.Load(path, out var schema);
        Assert.Equal(["x1", "x2", "color", "grade"], schema.Select(c => c.Name));
        Assert.Equal(Scores(model.Transform(data)), Scores(plain.Transform(data)));
    }

    [Fact]
    public void Saving_again_replaces_the_file()
    {
        var csv = TinyModels.WriteTrainingCsv(directory);
        var path = Path.Combine(directory, "model.zip");
        var (first, data, info) = TinyModels.Fit(ml, csv, TaskKind.Regression, "Sdca");
        TunedModel.Save(ml, first, data.Schema, path, info);
        var (second, _, secondInfo) = TinyModels.Fit(ml, csv, TaskKind.Regression, "FastTree");

        TunedModel.Save(ml, second, data.Schema, path, secondInfo with { Trial = 9 });

        var loaded = TunedModel.Load(ml, path);
        Assert.Equal(("FastTree", 9), (loaded.Info.Trainer, loaded.Info.Trial));
        Assert.Single(Directory.GetFiles(directory, "model.zip*"));
    }

    [Fact]
    public void A_model_whose_output_does_not_fit_the_facts_is_not_saved()
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Multiclass, "Sdca");
        var path = Path.Combine(directory, "model.zip");

        var unknownClass = Assert.Throws<ArgumentException>(() => TunedModel.Save(ml, model, data.Schema, path, info with { Classes = ["cat", "dog", "bird"] }));
        var wrongTask = Assert.Throws<ArgumentException>(() => TunedModel.Save(ml, model, data.Schema, path, info with { Task = TaskKind.Binary, Classes = ["cat", "dog"] }));

        Assert.Contains("does not know class 'bird' (its classes: fish, cat, dog)", unknownClass.Message);
        Assert.Contains("Boolean column 'PredictedLabel'", wrongTask.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<ModelFileException>(() => TunedModel.Load(ml, Path.Combine(directory, "nope.zip")));
        Assert.Contains("nope.zip' does not exist", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_named()
    {
        var path = Path.Combine(directory, "model.zip");
        File.WriteAllText(path, "x1,x2\n1,2\n");

        var error = Assert.Throws<ModelFileException>(() => TunedModel.Load(ml, path));

        Assert.Contains($"'{path}' is not a model.zip", error.Message);
    }

    [Fact]
    public void A_plain_ml_net_model_without_the_entry_is_refused_by_name()
    {
        var (model, data, _) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Regression, "Sdca");
        var path = Path.Combine(directory, "plain.zip");
        ml.Model.Save(model, data.Schema, path);

        var error = Assert.Throws<ModelFileException>(() => TunedModel.Load(ml, path));

        Assert.Contains("plain.zip' has no Dials/model.json entry", error.Message);
    }

    [Fact]
    public void A_damaged_entry_or_model_is_named()
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Regression, "Sdca");
        var badJson = Path.Combine(directory, "bad-json.zip");
        var noModel = Path.Combine(directory, "no-model.zip");
        TunedModel.Save(ml, model, data.Schema, badJson, info);
        TunedModel.Save(ml, model, data.Schema, noModel, info);
        using (var zip = ZipFile.Open(badJson, ZipArchiveMode.Update))
        {
            zip.GetEntry("Dials/model.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("Dials/model.json").Open());
            writer.Write("{\"format\": 1, \"task\": ");
        }

        using (var zip = ZipFile.Open(noModel, ZipArchiveMode.Update))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName != "Dials/model.json").ToList())
            {
                entry.Delete();
            }
        }

        Assert.Contains("bad-json.zip' has a damaged Dials/model.json entry", Assert.Throws<ModelFileException>(() => TunedModel.Load(ml, badJson)).Message);
        Assert.Contains("no-model.zip' cannot be loaded by ML.NET", Assert.Throws<ModelFileException>(() => TunedModel.Load(ml, noModel)).Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static List<string> Scores(IDataView scored)
    {
        var score = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([score]);
        var values = new List<string>();
        if (score.Type is VectorDataViewType)
        {
            var get = cursor.GetGetter<VBuffer<float>>(score);
            var vector = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                get(ref vector);
                values.Add(string.Join(' ', vector.DenseValues()));
            }
        }
        else
        {
            var get = cursor.GetGetter<float>(score);
            var value = 0f;
            while (cursor.MoveNext())
            {
                get(ref value);
                values.Add(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return values;
    }
}
