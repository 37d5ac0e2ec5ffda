using System.Globalization;
using Dials;
using Dials.ML.Trainers;

namespace TuneMlNet;

/// <summary>How one trainer did in a study that searched several: its trials by state and its best cross-validated value.</summary>
/// <param name="Trainer">The trainer's display name.</param>
/// <param name="Trials">Trials that proposed it.</param>
/// <param name="Complete">Of those, complete.</param>
/// <param name="Pruned">Pruned.</param>
/// <param name="Failed">Failed.</param>
/// <param name="Best">Its best complete value; null when none completed (or the study has several objectives).</param>
/// <param name="BestTrial">The trial with <paramref name="Best"/>.</param>
public sealed record TrainerOutcome(string Trainer, int Trials, int Complete, int Pruned, int Failed, double? Best, int? BestTrial)
{
    /// <summary>One line for the model card: "best 54.1 (trial 37); 12 trials: 5 complete, 6 pruned, 1 failed".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(Best is { } b ? $"best {b:G5} (trial {BestTrial})" : "none complete")}; {Trials} trial{(Trials == 1 ? "" : "s")}: {Complete} complete, {Pruned} pruned, {Failed} failed");
}

/// <summary>Groups a study's trials by the trainer they proposed (<see cref="TrainerSearch.Trainer"/>).</summary>
public static class TrainerOutcomes
{
    /// <summary>One outcome per trainer in the study's space, best first (trainers with no complete trial last).</summary>
    public static IReadOnlyList<TrainerOutcome> From(StudySnapshot study)
    {
        var index = study.Space.Dimensions.ToList().FindIndex(d => d.Name == nameof(TrainerSearch.Trainer));
        var trainer = study.Space.Dimensions[index];
        var sign = study.Direction == Direction.Minimize ? 1 : -1;
        return [.. trainer.Choices.Select((choice, k) =>
            {
                var trials = study.Trials.Where(t => t.Point.Count > index && t.Point[index] == k).ToList();
                var best = trials.Where(t => t.State == TrialState.Complete && t.Value is not null).MinBy(t => sign * t.Value!.Value);
                return new TrainerOutcome(TrainerCatalog.DisplayName((TrainerKind)choice), trials.Count,
                    trials.Count(t => t.State == TrialState.Complete), trials.Count(t => t.State == TrialState.Pruned),
                    trials.Count(t => t.State == TrialState.Failed), best?.Value, best?.Number);
            })
            .OrderBy(o => o.Best is null)
            .ThenBy(o => o.Best is { } b ? sign * b : 0)];
    }
}
