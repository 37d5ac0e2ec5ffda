using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Dials.ML;

/// <summary>
/// Builds the transforms that turn the decided columns into one <c>Features</c> vector. Columns of a kind share one
/// transform (one pass over the data to fit, not one per column); the vector keeps the file's column order.
/// </summary>
internal static class ColumnFeaturizer
{
    /// <summary>The features of <paramref name="columns"/>; ignored columns are left out.</summary>
    /// <exception cref="InvalidOperationException">No column is featurized (the loader refuses such data first).</exception>
    public static IEstimator<ITransformer> Features(MLContext ml, IReadOnlyList<ColumnDecision> columns)
    {
        var parts = new List<string>();
        var numeric = new List<InputOutputColumnPair>();
        var indicators = new List<InputOutputColumnPair>();
        var oneHot = new List<InputOutputColumnPair>();
        var hashed = new List<(string Output, string Input, int Bits)>();
        var text = new List<(string Output, string Input)>();
        foreach (var column in columns)
        {
            switch (column)
            {
                case { Kind: ColumnKind.Numeric }:
                    // Every numeric column is replaced, not only those with gaps in this file: a row to predict may
                    // have a gap where the training rows had none, and a linear trainer cannot take a NaN.
                    numeric.Add(new InputOutputColumnPair(column.Name, column.Name));
                    parts.Add(column.Name);
                    if (column.Missing > 0)
                    {
                        indicators.Add(new InputOutputColumnPair(Part(column, "missing"), column.Name));
                        parts.Add(Part(column, "missing"));
                    }

                    break;
                case { Kind: ColumnKind.Categorical, Encoding: CategoricalEncoding.Hash }:
                    hashed.Add((Part(column, "hashed"), column.Name, ColumnRules.HashBits(column.Levels)));
                    parts.Add(Part(column, "hashed"));
                    break;
                case { Kind: ColumnKind.Categorical }:
                    oneHot.Add(new InputOutputColumnPair(Part(column, "one-hot"), column.Name));
                    parts.Add(Part(column, "one-hot"));
                    break;
                case { Kind: ColumnKind.Text }:
                    text.Add((Part(column, "text"), column.Name));
                    parts.Add(Part(column, "text"));
                    break;
            }
        }

        if (parts.Count == 0)
        {
            throw new InvalidOperationException("Every column is ignored; there is nothing to featurize.");
        }

        var chain = new EstimatorChain<ITransformer>();
        void Add(IEstimator<ITransformer> step) => chain = chain.Append(step);

        if (indicators.Count > 0)
        {
            // The indicators read the gaps before the replacement fills them; they are bools, and the vector is floats.
            var pairs = indicators.ToArray();
            Add(ml.Transforms.IndicateMissingValues(pairs));
            Add(ml.Transforms.Conversion.ConvertType([.. pairs.Select(p => new InputOutputColumnPair(p.OutputColumnName, p.OutputColumnName))], DataKind.Single));
        }

        if (numeric.Count > 0)
        {
            Add(ml.Transforms.ReplaceMissingValues([.. numeric], MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        if (oneHot.Count > 0)
        {
            Add(ml.Transforms.Categorical.OneHotEncoding([.. oneHot]));
        }

        // Hashing learns nothing from the data (no pass to fit), so one transform per column costs no more than one.
        foreach (var (output, input, bits) in hashed)
        {
            Add(ml.Transforms.Categorical.OneHotHashEncoding(output, input, numberOfBits: bits));
        }

        foreach (var (output, input) in text)
        {
            Add(ml.Transforms.Text.FeaturizeText(output, input));
        }

        Add(ml.Transforms.Concatenate("Features", [.. parts]));
        return chain;
    }

    // A derived column's name: the source's name and its role, readable where slot names show (feature importance).
    private static string Part(ColumnDecision column, string role) => $"{column.Name} ({role})";
}
