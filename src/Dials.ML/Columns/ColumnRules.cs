using System.Globalization;
using System.Text.RegularExpressions;

namespace Dials.ML;

/// <summary>
/// Decides one column's kind from its profile, or applies an override; docs/ml-columns.md has the rules as a table.
/// The order matters: a column is numeric when every value is a number, whatever its level count; among the others,
/// long many-levelled values are text before a distinct value on every row can make them an identifier.
/// </summary>
internal static partial class ColumnRules
{
    /// <summary>
    /// A non-numeric column is free text when its values have at least this many words on average (and many levels,
    /// <see cref="IsText"/>): names of categories ("New York", "credit card") rarely reach three words, sentences do.
    /// </summary>
    public const double TextMeanWords = 3;

    /// <summary>The fewest hash bits: 128 features, so a column just past the one-hot limit collides little.</summary>
    public const int MinHashBits = 7;

    /// <summary>The most hash bits: 4096 features, so a column of many thousand levels cannot widen the data further.</summary>
    public const int MaxHashBits = 12;

    /// <summary>Decides column <paramref name="name"/>; <paramref name="forced"/> and <paramref name="flag"/> are its
    /// override, if any.</summary>
    /// <exception cref="DataException">Every cell is missing (and the column is not ignored), or a column set numeric
    /// holds a value that is not a number.</exception>
    public static ColumnDecision Decide(string path, string name, ColumnProfile profile, ColumnKind? forced, string? flag, int maxOneHotLevels, Func<int, (int Line, string Value)> cell)
    {
        if (forced == ColumnKind.Ignored)
        {
            return Decision(name, ColumnKind.Ignored, null, profile, $"set by {flag}");
        }

        if (profile.Present == 0)
        {
            throw new DataException($"Column '{name}' in '{path}' has no values: all {profile.Rows} cells are missing. Leave it out with --ignore {name}.");
        }

        var setBy = flag is null ? "" : $"set by {flag}: ";
        switch (forced)
        {
            case ColumnKind.Numeric when profile.FirstNonNumeric is { } row:
                var (line, value) = cell(row);
                throw new DataException($"Column '{name}' in '{path}' is set numeric by {flag}, but line {line} has '{value}', which is not a number.");
            case ColumnKind.Numeric:
                return Numeric(name, profile, setBy);
            case ColumnKind.Categorical:
                return Categorical(name, profile, maxOneHotLevels, setBy);
            case ColumnKind.Text:
                return Text(name, profile, setBy);
        }

        if (profile.Levels == 1 && profile.Missing == 0)
        {
            return Decision(name, ColumnKind.Ignored, null, profile, "the same value on every row: nothing to learn from, ignored");
        }

        if (profile.Numeric)
        {
            return profile.Integral && profile.Levels == profile.Rows && LooksLikeIdentifier(name)
                ? Decision(name, ColumnKind.Ignored, null, profile, "a distinct whole number on every row, named like an identifier: ignored")
                : Numeric(name, profile, "");
        }

        if (IsText(profile, maxOneHotLevels))
        {
            return Text(name, profile, "");
        }

        return profile.Levels == profile.Rows
            ? Decision(name, ColumnKind.Ignored, null, profile, "a distinct value on every row: an identifier, ignored")
            : Categorical(name, profile, maxOneHotLevels, "");
    }

    /// <summary>
    /// Free text: many words per value on average, and more levels than a category list would have (more than the
    /// one-hot limit, or more than half the values in a small file), so a few repeated phrases stay categorical.
    /// </summary>
    public static bool IsText(ColumnProfile profile, int maxOneHotLevels) =>
        profile.MeanWords >= TextMeanWords && profile.Levels > Math.Min(maxOneHotLevels, profile.Present / 2);

    /// <summary>The hash bits for a categorical of <paramref name="levels"/> levels: twice the levels rounded up to a
    /// power of two (few collisions), within [<see cref="MinHashBits"/>, <see cref="MaxHashBits"/>].</summary>
    public static int HashBits(int levels) =>
        Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(levels, 1))) + 1, MinHashBits, MaxHashBits);

    /// <summary>Whether a column name has a word "id", "uuid" or "guid" (customer_id, CustomerID, userId, id).</summary>
    public static bool LooksLikeIdentifier(string name) =>
        Words().Matches(name).Any(w => w.Value.ToLowerInvariant() is "id" or "uuid" or "guid");

    private static ColumnDecision Numeric(string name, ColumnProfile profile, string setBy) =>
        Decision(name, ColumnKind.Numeric, null, profile, profile.Missing == 0
            ? $"{setBy}numeric"
            : $"{setBy}numeric, {profile.Missing} missing: replaced by the mean plus an indicator");

    private static ColumnDecision Categorical(string name, ColumnProfile profile, int maxOneHotLevels, string setBy)
    {
        var missing = profile.Missing == 0 ? "" : $", {profile.Missing} missing";
        return profile.Levels <= maxOneHotLevels
            ? Decision(name, ColumnKind.Categorical, CategoricalEncoding.OneHot, profile, $"{setBy}{profile.Levels} levels{missing}: one-hot")
            : Decision(name, ColumnKind.Categorical, CategoricalEncoding.Hash, profile,
                $"{setBy}{profile.Levels} levels{missing}: hashed into {1 << HashBits(profile.Levels)} features");
    }

    private static ColumnDecision Text(string name, ColumnProfile profile, string setBy) =>
        Decision(name, ColumnKind.Text, null, profile,
            $"{setBy}free text (mean {profile.MeanWords.ToString("0.0", CultureInfo.InvariantCulture)} words): FeaturizeText");

    private static ColumnDecision Decision(string name, ColumnKind kind, CategoricalEncoding? encoding, ColumnProfile profile, string reason) =>
        new(name, kind, encoding, profile.Missing, profile.Levels, reason);

    // Words of a name: runs of capitals followed by lower case (camelCase, PascalCase) or of capitals or of digits.
    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")]
    private static partial Regex Words();
}
