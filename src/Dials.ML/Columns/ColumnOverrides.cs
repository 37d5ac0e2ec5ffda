namespace Dials.ML;

/// <summary>
/// The user's say over column inference: columns forced to a kind, by name, and the level count at which categoricals
/// switch from one-hot to hashing. A plain options class, so it binds from an appsettings section (<c>Columns</c>) as
/// well as from the command line's <c>--categorical</c>, <c>--text</c>, <c>--ignore</c> and <c>--numeric</c> flags.
/// </summary>
/// <remarks>An override always wins over inference. A column may be named in one list only, and never the label;
/// <see cref="TabularData.Load"/> refuses anything else with a <see cref="DataException"/> naming the column.</remarks>
public sealed class ColumnOverrides
{
    /// <summary>The conventional configuration section name.</summary>
    public const string SectionName = "Columns";

    /// <summary>Columns to treat as categories, even when every value is a number (codes such as 1, 2, 3).</summary>
    public IList<string> Categorical { get; set; } = [];

    /// <summary>Columns to treat as free text.</summary>
    public IList<string> Text { get; set; } = [];

    /// <summary>Columns to leave out of the features.</summary>
    public IList<string> Ignore { get; set; } = [];

    /// <summary>Columns to treat as numbers (inference would already, unless the name looks like an identifier); every
    /// non-missing value must then be a number.</summary>
    public IList<string> Numeric { get; set; } = [];

    /// <summary>
    /// Categoricals with at most this many levels are one-hot encoded; those with more are hashed. Default 32.
    /// </summary>
    /// <remarks>Why 32: one-hot gives every level its own feature, which pays while each level has enough rows to learn
    /// a weight or a split from. At a few thousand rows, 32 levels leave about a hundred rows per level when they are
    /// even, and real levels are long-tailed, so beyond that most one-hot features are rare and only widen the data
    /// (every fold and every trial pays for the width). Hashing bounds the width instead, at the cost of some
    /// collisions among the rare levels.</remarks>
    public int MaxOneHotLevels { get; set; } = 32;
}
