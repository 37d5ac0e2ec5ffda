namespace Dials.ML;

/// <summary>What <see cref="TabularData"/> decided for one non-label column, and why.</summary>
/// <param name="Name">The column's name in the file's header.</param>
/// <param name="Kind">What the column is to the featurization.</param>
/// <param name="Encoding">For a categorical, one-hot or hashed; null for every other kind.</param>
/// <param name="Missing">How many cells are missing (empty, or NA, N/A, NaN, null, ? in any case).</param>
/// <param name="Levels">How many distinct non-missing values the column has.</param>
/// <param name="Reason">One short sentence for the column report, such as "12 levels: one-hot".</param>
public sealed record ColumnDecision(string Name, ColumnKind Kind, CategoricalEncoding? Encoding, int Missing, int Levels, string Reason);
