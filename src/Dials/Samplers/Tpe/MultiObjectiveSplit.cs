using Dials.MultiObjective;

namespace Dials.Samplers;

/// <summary>
/// Chooses the good group of a multi-objective TPE proposal (Ozaki et al., 2020 and 2022, as Optuna's TPE does):
/// whole non-dominated fronts, best first, while they fit; then, from the first front that does not fit, the members
/// that add the most hypervolume, chosen greedily (each time the one that adds most to those already chosen, the
/// usual (1 - 1/e) approximation of the hypervolume subset selection problem). The reference point of that choice is
/// the front's own worst point pushed out by <see cref="ReferencePoint.DefaultMargin"/>, so every member counts.
/// </summary>
internal static class MultiObjectiveSplit
{
    /// <summary>Which of <paramref name="losses"/> form the good group of <paramref name="count"/> members.</summary>
    /// <param name="losses">One loss vector per trial (every objective minimised), all finite.</param>
    /// <param name="count">The size of the good group, from 0 to the number of trials.</param>
    /// <returns>Per trial, whether it is good.</returns>
    public static bool[] Good(IReadOnlyList<double[]> losses, int count)
    {
        var good = new bool[losses.Count];
        if (count >= losses.Count)
        {
            Array.Fill(good, true);
            return good;
        }

        if (count <= 0)
        {
            return good;
        }

        var ranks = NondominatedSort.RanksOfLosses(losses);
        var fronts = new List<int>[ranks.Max() + 1];
        for (var i = 0; i < ranks.Length; i++)
        {
            (fronts[ranks[i]] ??= []).Add(i);
        }

        var chosen = 0;
        foreach (var front in fronts)
        {
            if (chosen + front.Count <= count)
            {
                front.ForEach(i => good[i] = true);
                chosen += front.Count;
                continue;
            }

            foreach (var i in GreedySubset([.. front.Select(i => losses[i])], count - chosen))
            {
                good[front[i]] = true;
            }

            break;
        }

        return good;
    }

    /// <summary>The positions of <paramref name="size"/> of <paramref name="front"/>'s points (mutually non-dominated
    /// loss vectors) chosen greedily for hypervolume.</summary>
    /// <remarks>What a point adds to a set can only shrink as the set grows (hypervolume is submodular), so each
    /// point's last computed gain bounds its next one: candidates are re-evaluated from the largest bound down, and
    /// the search stops once no bound can beat the best fresh gain (lazy greedy, Minoux 1978). Ties go to the
    /// earlier point.</remarks>
    internal static int[] GreedySubset(double[][] front, int size)
    {
        var dimensions = front[0].Length;
        var reference = ReferencePoint.FromNadir(front, Minimized(dimensions));
        var bounds = front.Select(p => Hypervolume.Box(p, reference, dimensions)).ToArray();
        var taken = new bool[front.Length];
        var selected = new List<double[]>(size + 1);
        var picks = new int[size];
        var volume = 0.0;
        for (var k = 0; k < size; k++)
        {
            var order = Enumerable.Range(0, front.Length).Where(i => !taken[i]).OrderByDescending(i => bounds[i]).ThenBy(i => i);
            var best = -1;
            var bestGain = double.NegativeInfinity;
            foreach (var i in order)
            {
                if (best >= 0 && bounds[i] < bestGain || best >= 0 && bounds[i] == bestGain && i > best)
                {
                    break;
                }

                selected.Add(front[i]);
                var gain = Hypervolume.OfLosses(selected, reference) - volume;
                selected.RemoveAt(selected.Count - 1);
                bounds[i] = gain;
                if (gain > bestGain || gain == bestGain && i < best)
                {
                    (best, bestGain) = (i, gain);
                }
            }

            taken[best] = true;
            picks[k] = best;
            selected.Add(front[best]);
            volume = Hypervolume.OfLosses(selected, reference);
        }

        return picks;
    }

    private static Direction[] Minimized(int dimensions)
    {
        var directions = new Direction[dimensions];
        Array.Fill(directions, Direction.Minimize);
        return directions;
    }
}
