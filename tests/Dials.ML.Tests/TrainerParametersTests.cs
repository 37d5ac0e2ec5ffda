using Dials.ML.Trainers;
using Microsoft.ML;

namespace Dials.ML.Tests;

/// <summary>The ready-made trainer records: their spaces are sound, and any point of them trains a real model.</summary>
public sealed class TrainerParametersTests
{
    private static readonly MLContext Ml = new(seed: 1);
    private static readonly TrainerColumns Columns = new(Seed: 1);

    private static readonly IDataView Data = SyntheticExamples.Load(Ml, rows: 120);

    public static TheoryData<string, Func<MLContext, TrainerColumns, double, IEstimator<ITransformer>>> Trainers => new()
    {
        { "LightGbm binary", (ml, c, u) => LightGbmParameters.SearchSpace.DecodeUnit(Unit(LightGbmParameters.SearchSpace, u)).BinaryTrainer(ml, c with { Label = "Positive" }) },
        { "LightGbm multiclass", (ml, c, u) => LightGbmParameters.SearchSpace.DecodeUnit(Unit(LightGbmParameters.SearchSpace, u)).MulticlassTrainer(ml, c) },
        { "LightGbm regression", (ml, c, u) => LightGbmParameters.SearchSpace.DecodeUnit(Unit(LightGbmParameters.SearchSpace, u)).RegressionTrainer(ml, c with { Label = "Target" }) },
        { "FastTree binary", (ml, c, u) => FastTreeParameters.SearchSpace.DecodeUnit(Unit(FastTreeParameters.SearchSpace, u)).BinaryTrainer(ml, c with { Label = "Positive" }) },
        { "FastTree multiclass", (ml, c, u) => FastTreeParameters.SearchSpace.DecodeUnit(Unit(FastTreeParameters.SearchSpace, u)).MulticlassTrainer(ml, c) },
        { "FastTree regression", (ml, c, u) => FastTreeParameters.SearchSpace.DecodeUnit(Unit(FastTreeParameters.SearchSpace, u)).RegressionTrainer(ml, c with { Label = "Target" }) },
        { "SDCA binary", (ml, c, u) => SdcaParameters.SearchSpace.DecodeUnit(Unit(SdcaParameters.SearchSpace, u)).BinaryTrainer(ml, c with { Label = "Positive" }) },
        { "SDCA multiclass", (ml, c, u) => SdcaParameters.SearchSpace.DecodeUnit(Unit(SdcaParameters.SearchSpace, u)).MulticlassTrainer(ml, c) },
        { "L-BFGS binary", (ml, c, u) => LbfgsParameters.SearchSpace.DecodeUnit(Unit(LbfgsParameters.SearchSpace, u)).BinaryTrainer(ml, c with { Label = "Positive" }) },
        { "L-BFGS multiclass", (ml, c, u) => LbfgsParameters.SearchSpace.DecodeUnit(Unit(LbfgsParameters.SearchSpace, u)).MulticlassTrainer(ml, c) },
    };

    [Fact]
    public void Defaults_are_valid_points_of_their_spaces()
    {
        Assert.Empty(LightGbmParameters.SearchSpace.Validate(new LightGbmParameters()));
        Assert.Empty(FastTreeParameters.SearchSpace.Validate(new FastTreeParameters()));
        Assert.Empty(SdcaParameters.SearchSpace.Validate(new SdcaParameters()));
        Assert.Empty(LbfgsParameters.SearchSpace.Validate(new LbfgsParameters()));
        Assert.All(LightGbmParameters.SearchSpace.Dimensions.Where(d => d.Name is "NumberOfLeaves" or "LearningRate" or "NumberOfIterations"), d => Assert.True(d.Log));
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Configurations_from_every_corner_of_the_space_train(string name, Func<MLContext, TrainerColumns, double, IEstimator<ITransformer>> trainer)
    {
        foreach (var corner in new[] { 0.0, 0.5, 1.0 })
        {
            var pipeline = name.Contains("multiclass")
                ? Ml.Transforms.Conversion.MapValueToKey("Label", "Class").Append(trainer(Ml, Columns, corner))
                : trainer(Ml, Columns, corner);
            var model = pipeline.Fit(Data);
            var scored = model.Transform(Data);
            Assert.Contains(scored.Schema, c => c.Name == "Score");
        }
    }

    private static double[] Unit(SearchSpace space, double at) => [.. space.Dimensions.Select(_ => at)];
}
