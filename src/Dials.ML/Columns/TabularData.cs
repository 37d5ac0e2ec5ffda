using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>
/// Any CSV file with a header, ready for a trainer: each column but the label is inferred as numeric, categorical, text
/// or ignored (overridable by <see cref="ColumnOverrides"/>), reported by <see cref="Describe"/>, and featurized into
/// <c>Features</c>; the label is converted for the task into <c>Label</c>. Every problem with the file is a
/// <see cref="DataException"/> naming the column or line, raised here, before any training starts.
/// </summary>
/// <remarks>docs/ml-columns.md has the inference rules and the errors.</remarks>
public sealed class TabularData
{
    private TabularData(IDataView data, string label, TaskKind task, int rows, IReadOnlyList<string> classes, IReadOnlyList<ColumnDecision> columns)
    {
        Data = data;
        LabelColumn = label;
        Task = task;
        Rows = rows;
        Classes = classes;
        Columns = columns;
    }

    /// <summary>The rows, with the file's columns: numeric ones as floats (a missing cell is NaN), all others, the label
    /// included, as text.</summary>
    public IDataView Data { get; }

    /// <summary>The label column's name in the file.</summary>
    public string LabelColumn { get; }

    /// <summary>The task.</summary>
    public TaskKind Task { get; }

    /// <summary>How many data rows the file has.</summary>
    public int Rows { get; }

    /// <summary>The distinct labels of a classification task, sorted ordinally; empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>What was decided for every column but the label, in file order.</summary>
    public IReadOnlyList<ColumnDecision> Columns { get; }

    /// <summary>Whether any column is featurized as text (a trainer that takes only a few dense features may refuse it).</summary>
    public bool HasText => Columns.Any(c => c.Kind == ColumnKind.Text);

    /// <summary>Reads <paramref name="path"/>, infers its columns and checks it for the task.</summary>
    /// <param name="ml">The ML.NET context the data view belongs to.</param>
    /// <param name="path">The CSV file: a header line, then one row per line (quoted values may span lines).</param>
    /// <param name="label">The label column's name.</param>
    /// <param name="task">The task, which decides how the label is checked and converted.</param>
    /// <param name="overrides">Columns forced to a kind, and the one-hot limit; null for inference alone.</param>
    /// <exception cref="DataException">The file is missing or empty, has fewer than 10 rows, a ragged row or an unclosed
    /// quote; has no such label column, a label that does not fit the task or a row without a label; an override names
    /// an unknown column, the label, or a column twice; a column is all missing, or set numeric but holds text; or no
    /// column is left to learn from. The message names the column or line.</exception>
    public static TabularData Load(MLContext ml, string path, string label, TaskKind task, ColumnOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        overrides ??= new ColumnOverrides();
        if (!File.Exists(path))
        {
            throw new DataException($"Data file '{path}' does not exist.");
        }

        var table = CsvTable.Read(path);
        var header = table.Header;
        CheckHeader(path, header);
        var labelIndex = Array.IndexOf(header, label);
        if (labelIndex < 0)
        {
            throw new DataException($"Data file '{path}' has no column '{label}' for the label. Its columns: {string.Join(", ", header)}.");
        }

        if (table.Rows.Count < 10)
        {
            throw new DataException($"Data file '{path}' has {table.Rows.Count} data row(s); tuning with cross-validation needs at least 10.");
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Length != header.Length)
            {
                throw new DataException($"Data file '{path}', line {table.Lines[r]}: {table.Rows[r].Length} values where the header has {header.Length} columns.");
            }
        }

        var forced = OverrideMap.Resolve(path, overrides, header, label);
        var classes = CheckLabel(path, label, task, table, labelIndex);
        var columns = new List<ColumnDecision>();
        for (var c = 0; c < header.Length; c++)
        {
            if (c == labelIndex)
            {
                continue;
            }

            var index = c;
            var set = forced.TryGetValue(header[c], out var o) ? o : ((ColumnKind Kind, string Flag)?)null;
            columns.Add(ColumnRules.Decide(path, header[c], ColumnProfile.Of(table.Rows, c), set?.Kind, set?.Flag,
                overrides.MaxOneHotLevels, row => (table.Lines[row], table.Rows[row][index])));
        }

        if (columns.All(c => c.Kind == ColumnKind.Ignored))
        {
            throw new DataException($"Data file '{path}' has no column left to learn from: {string.Join("; ", columns.Select(c => $"'{c.Name}': {c.Reason}"))}. Set one with --numeric, --categorical or --text.");
        }

        var numeric = columns.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var data = Read(ml, path, header.Select((name, i) => new TextLoader.Column(name, numeric.Contains(name) ? DataKind.Single : DataKind.String, i)));
        return new TabularData(data, label, task, table.Rows.Count, classes, columns);
    }

    /// <summary>
    /// Reads another CSV file with this one's columns and types, for scoring: the columns are found by their header
    /// names (in any order); the label and ignored columns may be absent, and columns this file did not have are left
    /// out.
    /// </summary>
    /// <exception cref="DataException">The file is missing or has no header, or lacks a column the features use; the
    /// message names it.</exception>
    public IDataView LoadRows(MLContext ml, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        if (!File.Exists(path))
        {
            throw new DataException($"Data file '{path}' does not exist.");
        }

        var header = CsvTable.ReadHeader(path);
        CheckHeader(path, header);
        var absent = Columns.FirstOrDefault(c => c.Kind != ColumnKind.Ignored && !header.Contains(c.Name, StringComparer.Ordinal));
        if (absent is not null)
        {
            throw new DataException($"Data file '{path}' has no column '{absent.Name}', which the features use ({absent.Kind.ToString().ToLowerInvariant()}). Its columns: {string.Join(", ", header)}.");
        }

        var kinds = Columns.ToDictionary(c => c.Name, c => c.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String, StringComparer.Ordinal);
        kinds[LabelColumn] = DataKind.String;
        return Read(ml, path, header.Select((name, i) => (name, i)).Where(c => kinds.ContainsKey(c.name))
            .Select(c => new TextLoader.Column(c.name, kinds[c.name], c.i)));
    }

    /// <summary>
    /// The transforms that turn the file's columns into <c>Features</c> and a task-typed <c>Label</c>, to put in front
    /// of a trainer: <see cref="FeaturizeFeatures"/> then <see cref="ConvertLabel"/>.
    /// </summary>
    public IEstimator<ITransformer> Featurize(MLContext ml) => FeaturizeFeatures(ml).Append(ConvertLabel(ml));

    /// <summary>
    /// The transforms that make <c>Features</c> alone: numeric columns with missing values replaced by the mean (and a
    /// 0/1 indicator for each column that had gaps), categoricals one-hot or hashed, text through FeaturizeText;
    /// ignored columns left out.
    /// </summary>
    /// <remarks>For a model that scores rows without a label: add <see cref="ConvertLabel"/> to the training data first
    /// (fit and transform it), then fit <c>FeaturizeFeatures(ml).Append(trainer)</c> on the result and save that. The
    /// saved model then needs only the feature columns (read a file of them with <see cref="LoadRows"/>); with
    /// <see cref="Featurize"/> inside, it would need the label column too.</remarks>
    public IEstimator<ITransformer> FeaturizeFeatures(MLContext ml) => ColumnFeaturizer.Features(ml, Columns);

    /// <summary>The transform that turns the label text into <c>Label</c>: a float for regression, a bool for binary
    /// (the second of <see cref="Classes"/> is true), a key for multiclass.</summary>
    public IEstimator<ITransformer> ConvertLabel(MLContext ml) => TaskLabel.Convert(ml, LabelColumn, Task, Classes);

    /// <summary>The column report, one row per column in file order, the label first.</summary>
    public IReadOnlyList<ColumnReportRow> Describe() =>
    [
        new(LabelColumn, "label", Task switch
        {
            TaskKind.Regression => "regression: a number",
            TaskKind.Binary => $"binary: {Classes[0]} / {Classes[1]} (positive)",
            _ => $"multiclass: {Classes.Count} classes",
        }),
        .. Columns.Select(c => new ColumnReportRow(c.Name, c switch
        {
            { Kind: ColumnKind.Categorical, Encoding: CategoricalEncoding.Hash } => "categorical (hashed)",
            { Kind: ColumnKind.Categorical } => "categorical (one-hot)",
            _ => c.Kind.ToString().ToLowerInvariant(),
        }, c.Reason)),
    ];

    private static IDataView Read(MLContext ml, string path, IEnumerable<TextLoader.Column> columns) =>
        ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = [','],
            HasHeader = true,
            // RFC 4180, as CsvTable reads it for inference: quoted values hold commas, doubled quotes and line breaks.
            AllowQuoting = true,
            ReadMultilines = true,
            TrimWhitespace = true,
            // Without this an empty numeric cell loads as 0, a real value, and the mean replacement never sees the gap.
            MissingRealsAsNaNs = true,
        }).Load(path);

    private static void CheckHeader(string path, string[] header)
    {
        var unnamed = Array.IndexOf(header, "");
        if (unnamed >= 0)
        {
            throw new DataException($"Data file '{path}': column {unnamed + 1} of the header has no name. Its columns: {string.Join(", ", header)}.");
        }

        var twice = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DataException($"Data file '{path}': column '{twice.Key}' appears twice in the header; rename one.");
        }
    }

    private static List<string> CheckLabel(string path, string label, TaskKind task, CsvTable table, int labelIndex)
    {
        var labels = table.Rows.Select(r => r[labelIndex]).ToList();
        var gap = labels.FindIndex(ColumnProfile.IsMissing);
        if (gap >= 0)
        {
            throw new DataException($"Label '{label}' in '{path}' is missing on line {table.Lines[gap]} ('{labels[gap]}'); every row needs a label, so remove the rows without one.");
        }

        return TaskLabel.Check(path, label, labels, task);
    }
}
