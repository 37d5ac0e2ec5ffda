using System.Globalization;
using Dials.Pbt;

namespace Dials.Reporting.Export;

/// <summary>A model-card section for a population-based training run: the winner's hyperparameter schedule, stretch
/// by stretch, with how each configuration came about (PBT's result is a schedule, not one configuration), and what
/// the rounds changed.</summary>
public static class PbtScheduleSection
{
    /// <summary>The section for <paramref name="result"/>, its configurations written through <paramref name="space"/>.</summary>
    /// <typeparam name="T">The hyperparameter type.</typeparam>
    /// <param name="result">The run's result.</param>
    /// <param name="space">The space the configurations belong to.</param>
    public static CardSection Of<T>(PbtResult<T> result, SearchSpace<T> space)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(space);
        var inv = CultureInfo.InvariantCulture;
        var winner = result.Winner;
        List<CardFact> facts =
        [
            new("Winner", string.Create(inv, $"member {winner.Index} of {result.Members.Count}, score {winner.Score:G6}, checkpoint {winner.Checkpoint}"), winner.Index),
            new("Rounds", string.Create(inv, $"{result.Rounds.Count} exploit-and-explore rounds, {result.Rounds.Sum(r => r.Changes.Count)} members replaced or explored in all"), result.Rounds.Count),
        ];
        foreach (var stretch in winner.Schedule)
        {
            var values = space.ToValues(space.Encode(stretch.Config));
            var parameters = string.Join(", ", values.Select(p => string.Create(inv, $"{p.Key} {Format(p.Value)}")));
            facts.Add(new CardFact(
                string.Create(inv, $"Steps {stretch.FromStep}-{stretch.FromStep + stretch.Steps}"),
                string.Create(inv, $"{parameters} (trial {stretch.Trial}; {stretch.How})")));
        }

        return new CardSection("Population-based training schedule", facts);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
