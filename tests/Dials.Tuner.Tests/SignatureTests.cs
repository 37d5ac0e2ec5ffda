namespace Dials.Tuner.Tests;

public sealed class SignatureTests
{
    [Fact]
    public void A_space_rebuilt_from_its_signature_has_the_same_signature_dimensions_and_conditions()
    {
        var original = TestSpaces.Mixed();

        var rebuilt = SearchSpace.FromSignature(original.Signature);

        Assert.Equal(original.Signature, rebuilt.Signature);
        Assert.Equal(original.Dimensions.Select(d => (d.Name, d.Kind, d.Low, d.High, d.Log, d.Step)),
            rebuilt.Dimensions.Select(d => (d.Name, d.Kind, d.Low, d.High, d.Log, d.Step)));
        Assert.Equal(["sgd", "adam"], rebuilt.Dimensions[0].Choices);
        Assert.Equal(original.ParentOf(1), rebuilt.ParentOf(1));
        Assert.True(double.IsNaN(rebuilt.DefaultPoint[2]), "Beta is inactive while Optimizer is its first choice, sgd");
    }

    [Fact]
    public void Choices_of_every_kind_come_back_including_strings_with_separators()
    {
        IReadOnlyList<object> choices = ["a, b", "when x in [1]", 3L, 0.5, true, DayOfWeek.Monday];
        var signature = SearchSpace.FromSignature(
            Dimension.Categorical("C", choices).ToString() + "\n" +
            Dimension.Int("N", 1, 9, step: 2, condition: new DimensionCondition("C", [0, 2])).ToString()).Signature;

        var rebuilt = SearchSpace.FromSignature(signature);

        Assert.Equal(["a, b", "when x in [1]", 3L, 0.5, true, "Monday"], rebuilt.Dimensions[0].Choices);
        Assert.Equal([0.0, 2.0], rebuilt.Dimensions[1].Condition!.Values);
        Assert.Equal(signature, rebuilt.Signature);
    }

    [Theory]
    [InlineData("X float in [0, 1]", "Line 1")]
    [InlineData("X: float in [1, 0]", "low < high")]
    [InlineData("X: banana", "unknown shape")]
    [InlineData("X: choice of [\"open]", "not closed")]
    public void A_malformed_signature_names_the_line_and_the_problem(string signature, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SearchSpace.FromSignature(signature));

        Assert.Contains(expected, error.Message);
    }
}
