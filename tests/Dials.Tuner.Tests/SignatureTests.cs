namespace Dials.Tuner.Tests;

/// <summary>The stored form of a search space (<see cref="SearchSpace.Signature"/>): every kind comes back exactly,
/// two different spaces never share it, and the display lines Dials 0.1.0 stored still read.</summary>
public sealed class SignatureTests
{
    private enum Weekday
    {
        Monday,
    }

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
    public void The_signature_is_a_versioned_document()
    {
        var signature = Space(Dimension.Int("N", 1, 9, step: 2)).Signature;

        Assert.Equal("""{"format":"dials.space","version":1,"dimensions":[{"name":"N","kind":"int","low":1,"high":9,"log":false,"step":2}]}""", signature);
    }

    [Fact]
    public void Every_kind_comes_back_exactly_with_typed_and_escaped_choices()
    {
        IReadOnlyList<object> choices =
            ["a, b", "when x in [1]", "say \"hi\", \"bye\"\nnext line", "", 3, 4L, 0.5, 0.25f, true, DayOfWeek.Monday, 2.5m];
        var original = Space(
            Dimension.Categorical("C", choices),
            Dimension.Int("N", 1, 9, step: 2, condition: new DimensionCondition("C", [0, 2])),
            Dimension.Int("Big", -(1L << 52), 1L << 52, step: 1L << 50),
            Dimension.Int("Epochs", 1, 1000, log: true),
            Dimension.Float("Lr", 1e-5, 0.1, log: true, condition: new DimensionCondition("N", [3])),
            Dimension.Float("Dropout", 0, 0.5, step: 0.05),
            Dimension.Float("Tiny", 0.1, 0.30000000000000004),
            Dimension.PowerOfTwo("Batch", 8, 1L << 40),
            Dimension.Categorical("Name: odd", ["x"]));

        var rebuilt = SearchSpace.FromSignature(original.Signature);

        Assert.Equal(original.Signature, rebuilt.Signature);
        Assert.Equal(["a, b", "when x in [1]", "say \"hi\", \"bye\"\nnext line", "", 3, 4L, 0.5, 0.25f, true], rebuilt.Dimensions[0].Choices.Take(9));
        Assert.Equal(["Monday", "2.5"], rebuilt.Dimensions[0].Choices.Skip(9).Select(c => c.ToString()));
        Assert.Equal(Enumerable.Range(0, original.Dimensions.Count).Select(original.Describe).Select(WithoutDefault),
            Enumerable.Range(0, rebuilt.Dimensions.Count).Select(rebuilt.Describe).Select(WithoutDefault));
        Assert.Equal(original.Dimensions.Select(d => d.Condition), rebuilt.Dimensions.Select(d => d.Condition));
        Assert.Equal(0.30000000000000004, rebuilt.Dimensions[6].High);
        Assert.Equal(-(1L << 52), (long)rebuilt.Dimensions[2].Low);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Spaces_that_read_alike_but_search_other_values_have_other_signatures(object[] first, object[] second)
    {
        var a = Space(Dimension.Categorical("C", first));
        var b = Space(Dimension.Categorical("C", second));

        Assert.Equal(a.Dimensions[0].ToString(), b.Dimensions[0].ToString()); // what Dials 0.1.0 stored
        Assert.NotEqual(a.Signature, b.Signature);
        Assert.NotEqual(SearchSpace.FromSignature(a.Signature).Signature, SearchSpace.FromSignature(b.Signature).Signature);
    }

    public static TheoryData<object[], object[]> LookAlikes => new()
    {
        { ["a\", \"b"], ["a", "b"] },
        { [1L], [1.0] },
        { [3], [3L] },
        { [0.5], [0.5f] },
        { [DayOfWeek.Monday], [Weekday.Monday] },
        { [true], [new BoolLike()] },
    };

    [Fact]
    public void Display_lines_stored_by_dials_0_1_0_still_read()
    {
        IReadOnlyList<object> choices = ["a, b", "when x in [1]", 3L, 0.5, true, DayOfWeek.Monday];
        var lines = Dimension.Categorical("C", choices) + "\n" +
                    Dimension.Int("N", 1, 9, step: 2, condition: new DimensionCondition("C", [0, 2]));

        var rebuilt = SearchSpace.FromSignature(lines);

        Assert.Equal(["a, b", "when x in [1]", 3L, 0.5, true, "Monday"], rebuilt.Dimensions[0].Choices);
        Assert.Equal([0.0, 2.0], rebuilt.Dimensions[1].Condition!.Values);
        Assert.Equal(lines.Split('\n')[1], rebuilt.Dimensions[1].ToString());
    }

    [Theory]
    [InlineData("X float in [0, 1]", "Line 1")]
    [InlineData("X: float in [1, 0]", "low < high")]
    [InlineData("X: banana", "unknown shape")]
    [InlineData("X: choice of [\"open]", "not closed")]
    [InlineData("""{"format":"dials.space","version":2,"dimensions":[]}""", "format version 2; this version of Dials reads version 1, so it was written by a newer Dials")]
    [InlineData("""{"format":"other","version":1}""", "not a 'dials.space' document")]
    [InlineData("""{"format":"dials.space","version":1,"dimensions":[{"name":"X","kind":"banana"}]}""", "Dimension 1 ('X') of the stored search space cannot be read: its kind 'banana' is unknown")]
    [InlineData("""{"format":"dials.space","version":1,"dimensions":[{"name":"X","kind":"float","low":1,"high":0,"log":false,"step":0}]}""", "Dimension 1 ('X')")]
    [InlineData("""{"format":"dials.space","version":1,"dimensions":[{"name":"X","kind":"choice","choices":[{"decimal":1}]}]}""", "unknown type 'decimal'")]
    [InlineData("""{"format":"dials.space",""", "not valid JSON")]
    public void A_malformed_signature_names_the_place_and_the_problem(string signature, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SearchSpace.FromSignature(signature));

        Assert.Contains(expected, error.Message);
    }

    private static string WithoutDefault(string description) => description[..description.LastIndexOf(" (default", StringComparison.Ordinal)];

    /// <summary>A space over dimensions alone: its configurations are never decoded here, so each reads as its default.</summary>
    private static SearchSpace<object> Space(params Dimension[] dimensions) => new(
        dimensions,
        () => new object(),
        (_, i) => dimensions[i].Default,
        (_, defaults) => defaults);

    /// <summary>A value of a type storages do not know, whose text is that of a bool choice.</summary>
    private sealed class BoolLike
    {
        public override string ToString() => "true";
    }
}
