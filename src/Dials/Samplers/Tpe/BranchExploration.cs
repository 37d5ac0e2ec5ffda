namespace Dials.Samplers;

/// <summary>
/// Keeps the levels of a categorical dimension that gate conditional dimensions in play. TPE chooses such a level by
/// the values its trials reached so far, but those values depend on the level's children, which were drawn at random
/// until the children's own model had enough trials: a branch whose optimum is narrow (an optimizer that pays off
/// only once its momentum and learning rate are tuned together) looks worse than a forgiving one after a few
/// untuned trials, and was abandoned for good. Every gating level is therefore given a minimum number of trials that
/// grows as the square root of the trials so far, so its children's model keeps learning while the share of
/// exploration shrinks: the levels of a dimension with k choices each keep at least 5.25 sqrt(n) / k of n trials
/// (1.75 sqrt(n) each for three choices: 18 of 100 trials, 30 of 300). Those few trials are spent on tuning the
/// children rather than on their random start-up: a kept branch's children are modelled from their
/// <see cref="ChildStartupTrials"/>th trial on. Both constants were chosen on held-out seeds (docs/benchmarks.md,
/// "TPE's weak spots").
/// </summary>
internal static class BranchExploration
{
    private const double Share = 5.25;

    /// <summary>The start-up trials of a group under a branch kept in play (fewer than a sampler's usual start-up).</summary>
    public const int ChildStartupTrials = 3;

    /// <summary>The levels to propose for the group's gating categorical dimensions that lag behind their minimum:
    /// per such dimension (by its position in <paramref name="group"/>) the lagging level with the fewest trials.</summary>
    /// <param name="space">The space, which says which dimensions are conditional on which.</param>
    /// <param name="group">The group being sampled.</param>
    /// <param name="history">The ranked trials.</param>
    /// <param name="active">The trials where the group is active, running ones included: workers that are
    /// already evaluating a level count for it, so they do not all get sent to the same one.</param>
    public static List<BranchChoice> Lagging(SearchSpace space, GroupDimension[] group, TpeHistory history,
        ReadOnlySpan<int> active)
    {
        var result = new List<BranchChoice>();
        for (var j = 0; j < group.Length; j++)
        {
            if (!group[j].IsCategorical)
            {
                continue;
            }

            var choices = group[j].Dimension.Choices.Count;
            var gating = GatingLevels(space, group[j].Index, choices);
            if (gating is null)
            {
                continue;
            }

            var counts = new int[choices];
            foreach (var t in active)
            {
                counts[(int)history.Coordinates[t]![group[j].Index]]++;
            }

            var minimum = Share * Math.Sqrt(active.Length) / choices;
            var lagging = -1;
            for (var level = 0; level < choices; level++)
            {
                if (gating[level] && counts[level] < minimum && (lagging < 0 || counts[level] < counts[lagging]))
                {
                    lagging = level;
                }
            }

            if (lagging >= 0)
            {
                result.Add(new BranchChoice(j, lagging, counts[lagging], active.Length));
            }
        }

        return result;
    }

    // Per level of the categorical dimension at `parent`, whether some dimension is conditional on it; null if none.
    private static bool[]? GatingLevels(SearchSpace space, int parent, int choices)
    {
        bool[]? gating = null;
        for (var i = 0; i < space.Dimensions.Count; i++)
        {
            if (space.ParentOf(i) != parent)
            {
                continue;
            }

            gating ??= new bool[choices];
            foreach (var value in space.Dimensions[i].Condition!.Values)
            {
                gating[(int)value] = true;
            }
        }

        return gating;
    }
}

/// <summary>A level a proposal keeps in play.</summary>
/// <param name="Member">The categorical dimension's position in its group.</param>
/// <param name="Level">The level (choice index) proposed.</param>
/// <param name="Trials">Trials that had it so far.</param>
/// <param name="Of">Trials of the group so far.</param>
internal readonly record struct BranchChoice(int Member, int Level, int Trials, int Of);
