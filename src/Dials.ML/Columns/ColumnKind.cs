namespace Dials.ML;

/// <summary>What a data column is to the featurization (<see cref="TabularData.Featurize"/>).</summary>
public enum ColumnKind
{
    /// <summary>Numbers: missing cells are replaced by the column's mean, with an indicator when any were missing.</summary>
    Numeric,

    /// <summary>A few distinct values (levels): one-hot or hashed, by <see cref="ColumnOverrides.MaxOneHotLevels"/>.</summary>
    Categorical,

    /// <summary>Free text: words and character n-grams (ML.NET's FeaturizeText).</summary>
    Text,

    /// <summary>Left out of the features: an identifier, a constant, or named by an override.</summary>
    Ignored,
}
