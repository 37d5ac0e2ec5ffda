namespace Dials.Samplers.Nsga;

/// <summary>
/// NSGA-II's generations, computed from the stored trials alone so that every worker and every rerun agrees on them:
/// trial n belongs to generation n / P (P the population size), so a generation is full once P trials have been asked
/// for it, running ones included, and parallel workers never overfill it. The parents of generation g are the survivors
/// of generation g - 1: the best P of the survivors of g - 2 together with the complete trials of g - 1.
/// </summary>
internal static class NsgaGenerations
{
    /// <summary>The generation trial <paramref name="trialNumber"/> belongs to.</summary>
    public static int Of(int trialNumber, int populationSize) => trialNumber / populationSize;

    /// <summary>The parents of <paramref name="generation"/> (empty for generation 0, and while no earlier trial has
    /// completed): survival applied generation by generation to the complete trials of <paramref name="trials"/>.</summary>
    public static RankedPopulation Parents(IReadOnlyList<TrialRecord> trials, int generation, int populationSize,
        IReadOnlyList<Direction> directions)
    {
        var byGeneration = new List<NsgaMember>[generation];
        for (var g = 0; g < generation; g++)
        {
            byGeneration[g] = [];
        }

        foreach (var trial in trials)
        {
            var g = Of(trial.Number, populationSize);
            if (g < generation && NsgaMember.Of(trial, directions.Count) is { } member)
            {
                byGeneration[g].Add(member);
            }
        }

        var survivors = RankedPopulation.Of([], directions);
        for (var g = 0; g < generation; g++)
        {
            if (byGeneration[g].Count > 0)
            {
                survivors = RankedPopulation.Of([.. survivors.Members, .. byGeneration[g]], directions)
                    .Survivors(populationSize, directions);
            }
        }

        return survivors;
    }
}
