namespace Dials.ML.Tuning;

/// <summary>
/// Which of k folds each row belongs to, fixed by a seed: every trial is scored on the same folds, so differences
/// between trials come from their hyperparameters and not from a lucky split. With labels, each class is dealt
/// round-robin over the folds after a seeded shuffle, so every fold keeps the class proportions.
/// </summary>
internal static class FoldAssignment
{
    public static int[] Assign(int rows, int folds, int seed, IReadOnlyList<string>? labels)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least two folds.");
        }

        if (rows < folds)
        {
            throw new ArgumentException($"{rows} rows cannot be split into {folds} folds.", nameof(folds));
        }

        var groups = labels is null
            ? [Enumerable.Range(0, rows).ToArray()]
            : labels.Select((label, row) => (label, row))
                .GroupBy(x => x.label, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Select(x => x.row).ToArray())
                .ToList();
        var fold = new int[rows];
        var random = new Random(seed);
        var next = 0;
        foreach (var group in groups)
        {
            random.Shuffle(group);
            // Continue dealing where the previous class stopped, so small classes do not all start at fold 0.
            foreach (var row in group)
            {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
