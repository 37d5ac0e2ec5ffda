namespace Dials.Samplers;

/// <summary>
/// Splits a space's dimensions into groups that are always active together: dimensions under the same chain of
/// conditions (the unconditional ones form one group). A group can be modelled jointly on the trials where it was
/// active, and sampled only when its conditions hold for the point being built.
/// </summary>
internal static class DimensionGroups
{
    /// <summary>The groups, each ordered as <see cref="SearchSpace.Order"/>, and the groups themselves ordered so
    /// that a group's parents are sampled before it. With <paramref name="joint"/> false every dimension is a
    /// group of its own.</summary>
    public static GroupDimension[][] Of(SearchSpace space, bool joint)
    {
        var groups = new List<List<GroupDimension>>();
        var byChain = new Dictionary<string, List<GroupDimension>>(StringComparer.Ordinal);
        foreach (var i in space.Order)
        {
            var member = new GroupDimension(i, space.Dimensions[i]);
            if (!joint)
            {
                groups.Add([member]);
                continue;
            }

            var chain = ConditionChain(space, i);
            if (!byChain.TryGetValue(chain, out var group))
            {
                byChain[chain] = group = [];
                groups.Add(group);
            }

            group.Add(member);
        }

        return [.. groups.Select(g => g.ToArray())];
    }

    private static string ConditionChain(SearchSpace space, int dimension)
    {
        var parts = new List<string>();
        for (var i = dimension; space.ParentOf(i) >= 0; i = space.ParentOf(i))
        {
            var condition = space.Dimensions[i].Condition!;
            parts.Add(space.ParentOf(i) + ":" + string.Join(",", condition.Values.Order()));
        }

        return string.Join("|", parts);
    }
}
