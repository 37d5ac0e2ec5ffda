using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>What one strategy contributed to a study: how many trials it proposed and the best value among them, so a
/// study run by a sampler that switches strategies (start-up then model, or an automatic choice per trial) shows what
/// each one found.</summary>
/// <param name="Strategy">The strategy's name as the trials record it (<see cref="TrialRecord.Strategy"/>), or
/// <see cref="NotRecorded"/> for trials without one.</param>
/// <param name="Trials">The trials it proposed, of any state.</param>
/// <param name="Complete">Those that completed with a finite value.</param>
/// <param name="BestTrial">The number of its best complete trial, or null when none completed.</param>
/// <param name="BestValue">That trial's value, or null when none completed.</param>
public sealed record StrategySummary(string Strategy, int Trials, int Complete, int? BestTrial, double? BestValue)
{
    /// <summary>The name trials without a recorded strategy are grouped under: stored before strategies were recorded,
    /// or never sampled (still waiting for a point, or failed by their sampler).</summary>
    public const string NotRecorded = "not recorded";

    /// <summary>One summary per strategy, in the order the strategies first appear (by trial number).</summary>
    /// <param name="study">The study.</param>
    public static IReadOnlyList<StrategySummary> Of(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        // A trial of several objectives has no single value to be best in: those strategies count complete trials only.
        var complete = (study.IsMultiObjective ? study.Trials.Where(t => StudyFront.HasValues(study, t)) : study.Complete).Select(t => t.Number).ToHashSet();
        return [.. study.Trials
            .GroupBy(t => t.Strategy ?? NotRecorded, StringComparer.Ordinal)
            .Select(group =>
            {
                var finished = group.Where(t => complete.Contains(t.Number)).ToList();
                var best = study.IsMultiObjective ? null : finished.Where(StudyFront.IsFeasible)
                    .Aggregate((TrialRecord?)null, (b, t) => b is null || study.IsBetter(t.Value!.Value, b.Value!.Value) ? t : b);
                return new StrategySummary(group.Key, group.Count(), finished.Count, best?.Number, best?.Value);
            })];
    }
}
