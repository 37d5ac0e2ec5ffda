using System.Globalization;

namespace Dials.Samplers;

/// <summary>What happened while a TPE proposal was built, group by group, turned into the proposal's strategy and
/// reason: random while no group is modelled yet, TPE once one is, naming the groups still in start-up and the
/// branches kept in play.</summary>
internal sealed class TpeProposalLog
{
    private readonly List<string> kept = [];
    private readonly List<int> keptDimensions = [];
    private int modelled;
    private int startup;
    private int firstStartupFinished = -1;

    /// <summary>A group was drawn at random: it had only <paramref name="finished"/> finished trials.</summary>
    public void Startup(int finished)
    {
        startup++;

        // Groups are visited parents first, so the first one logged is the root group, which is always active.
        if (firstStartupFinished < 0)
        {
            firstStartupFinished = finished;
        }
    }

    /// <summary>A group was drawn from the model.</summary>
    public void Modelled() => modelled++;

    /// <summary>For the dimension at <paramref name="index"/>, a lagging level was kept in play.</summary>
    public void Kept(SearchSpace space, int index, BranchChoice branch)
    {
        var dimension = space.Dimensions[index];
        keptDimensions.Add(index);
        kept.Add(string.Create(CultureInfo.InvariantCulture,
            $"kept {dimension.Name} = {dimension.Choices[branch.Level]} in play ({branch.Trials} of {branch.Of} trials so far)"));
    }

    /// <summary>Whether the dimension at <paramref name="index"/> is conditional, directly or not, on a dimension
    /// whose level this proposal keeps in play.</summary>
    public bool UnderKeptBranch(SearchSpace space, int index)
    {
        for (var parent = space.ParentOf(index); parent >= 0 && keptDimensions.Count > 0; parent = space.ParentOf(parent))
        {
            if (keptDimensions.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The proposal of <paramref name="point"/>.</summary>
    public Proposal ToProposal(double[] point, int startupTrials, bool multivariate)
    {
        if (modelled == 0)
        {
            var done = Math.Max(firstStartupFinished, 0);
            return new Proposal(point, "random start-up", done < startupTrials
                ? string.Create(CultureInfo.InvariantCulture, $"{done} of {startupTrials} start-up trials done")
                : "no finished trial to learn from yet");
        }

        var notes = new List<string>();
        if (startup > 0)
        {
            var groups = multivariate ? "groups of dimensions" : "dimensions";
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{startup} of {startup + modelled} active {groups} still in random start-up"));
        }

        notes.AddRange(kept);
        return new Proposal(point, "TPE", notes.Count == 0 ? null : string.Join("; ", notes));
    }
}
