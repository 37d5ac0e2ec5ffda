namespace Dials.ML;

/// <summary>One row of the printed column report (<see cref="TabularData.Describe"/>).</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Kind">What it is: label, numeric, categorical (one-hot), categorical (hashed), text or ignored.</param>
/// <param name="Detail">Why, in one short sentence.</param>
public sealed record ColumnReportRow(string Column, string Kind, string Detail);
