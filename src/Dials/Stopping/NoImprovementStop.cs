using System.Globalization;

namespace Dials.Stopping;

/// <summary>
/// Stops when the best value has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> complete
/// trials in a row: the plain "patience" rule of early stopping, applied to a study instead of a training run.
/// </summary>
/// <param name="Patience">Complete trials without improvement before stopping (at least 1).</param>
/// <param name="MinDelta">The smallest change of the best value that counts as an improvement (at least 0).</param>
public sealed record NoImprovementStop(int Patience, double MinDelta = 0) : IStoppingRule
{
    /// <inheritdoc />
    public string? ShouldStop(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience, 1, nameof(Patience));
        if (!(MinDelta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinDelta), MinDelta, "MinDelta must be at least 0.");
        }

        var complete = study.Complete;
        if (complete.Count <= Patience)
        {
            return null;
        }

        // The best value as of each complete trial; an improvement must beat the best by more than MinDelta.
        var best = complete[0].Value!.Value;
        var bestAt = 0;
        for (var i = 1; i < complete.Count; i++)
        {
            var value = complete[i].Value!.Value;
            var gain = study.Direction == Direction.Minimize ? best - value : value - best;
            if (gain > MinDelta)
            {
                best = value;
                bestAt = i;
            }
        }

        var since = complete.Count - 1 - bestAt;
        return since >= Patience
            ? string.Create(CultureInfo.InvariantCulture,
                $"no improvement of the best value ({best:G6}, trial {complete[bestAt].Number}) by more than {MinDelta:G3} in the last {since} complete trials (patience {Patience})")
            : null;
    }
}
