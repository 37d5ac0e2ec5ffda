namespace Dials.ML;

/// <summary>
/// The overrides checked against a file's header, as one kind per named column with the flag that set it. Every
/// mistake is refused here, before anything is read or trained: an unknown column, a column in two lists, the label.
/// </summary>
internal static class OverrideMap
{
    /// <summary>Each overridden column's kind and the flag that names it (such as <c>--categorical</c>).</summary>
    /// <exception cref="DataException">A named column is not in the header, is named in two lists, or is the label;
    /// or <see cref="ColumnOverrides.MaxOneHotLevels"/> is below 1.</exception>
    public static Dictionary<string, (ColumnKind Kind, string Flag)> Resolve(string path, ColumnOverrides overrides, string[] header, string label)
    {
        if (overrides.MaxOneHotLevels < 1)
        {
            throw new DataException($"Columns:MaxOneHotLevels is {overrides.MaxOneHotLevels}; it must be at least 1 (categoricals with at most that many levels are one-hot encoded).");
        }

        (ColumnKind Kind, string Flag, IList<string>? Names)[] lists =
        [
            (ColumnKind.Numeric, "--numeric", overrides.Numeric),
            (ColumnKind.Categorical, "--categorical", overrides.Categorical),
            (ColumnKind.Text, "--text", overrides.Text),
            (ColumnKind.Ignored, "--ignore", overrides.Ignore),
        ];
        var map = new Dictionary<string, (ColumnKind Kind, string Flag)>(StringComparer.Ordinal);
        foreach (var (kind, flag, names) in lists)
        {
            foreach (var name in (names ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!header.Contains(name, StringComparer.Ordinal))
                {
                    var near = header.FirstOrDefault(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
                    throw new DataException($"Column '{name}' named by {flag} is not in '{path}'" +
                        (near is null ? "" : $" (names are case-sensitive: did you mean '{near}'?)") +
                        $". Its columns: {string.Join(", ", header)}.");
                }

                if (name == label)
                {
                    throw new DataException($"Column '{name}' named by {flag} is the label; the label is converted for the task and cannot be overridden.");
                }

                if (map.TryGetValue(name, out var earlier))
                {
                    throw new DataException($"Column '{name}' is named by both {earlier.Flag} and {flag}; name it in one.");
                }

                map[name] = (kind, flag);
            }
        }

        return map;
    }
}
