using Microsoft.ML;

namespace Dials.ML;

/// <summary>
/// Which input columns a fitted pipeline reads. An input schema lists every column of the training data, including
/// ones the featurization ignored (an identifier); asking ML.NET's schema propagation whether the pipeline still
/// fits the schema without a column tells, without running the model, whether scoring needs that column.
/// </summary>
internal static class InputUse
{
    /// <summary>Whether <paramref name="model"/> needs column <paramref name="name"/> of <paramref name="input"/>.</summary>
    public static bool Reads(ITransformer model, DataViewSchema input, string name)
    {
        try
        {
            model.GetOutputSchema(ColumnsDataView.SchemaOf(input.Where(c => !c.IsHidden && c.Name != name)));
            return false;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // ML.NET reports a missing input column as an ArgumentOutOfRangeException ("Could not find input
            // column"); any failure counts as "needed", which can only make scoring stricter, never wrong.
            return true;
        }
    }
}
