using System.Globalization;

namespace Dials;

/// <summary>How one run of the objective ended, before it is recorded.</summary>
/// <param name="State">Complete, Pruned or Failed.</param>
/// <param name="Value">The value of a complete single-objective trial.</param>
/// <param name="FailReason">Why a failed trial failed, as a phrase ("threw ...", "returned NaN").</param>
/// <param name="Values">The values of a complete multi-objective trial, one per objective.</param>
internal sealed record TrialOutcome(TrialState State, double? Value, string? FailReason, IReadOnlyList<double>? Values = null)
{
    public static TrialOutcome FromValue(double value) => double.IsFinite(value)
        ? new TrialOutcome(TrialState.Complete, value, null)
        : Failed($"the objective returned {value.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The outcome of an objective that returned <paramref name="values"/> for a study of
    /// <paramref name="objectives"/> objectives: Failed, naming the count or the objective, unless there is one finite
    /// value per objective. A single-objective study records its one value as <see cref="Value"/>, as it always has.</summary>
    public static TrialOutcome FromValues(IReadOnlyList<double>? values, int objectives, IReadOnlyList<string>? names = null)
    {
        if (values is null)
        {
            return Failed("the objective returned no values (null)");
        }

        if (values.Count != objectives)
        {
            return Failed($"the objective returned {values.Count} value{(values.Count == 1 ? "" : "s")} for {objectives} objective{(objectives == 1 ? "" : "s")}");
        }

        if (objectives == 1)
        {
            return FromValue(values[0]);
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                // Counted from 1, as the report, the card and the CLI count objectives, with the name when there is one.
                var which = names is { } named && i < named.Count ? $"objective {i + 1} ({named[i]})" : $"objective {i + 1}";
                return Failed($"the objective returned {values[i].ToString(CultureInfo.InvariantCulture)} for {which}");
            }
        }

        return new TrialOutcome(TrialState.Complete, null, null, [.. values]);
    }

    public static TrialOutcome Pruned { get; } = new(TrialState.Pruned, null, null);

    public static TrialOutcome Failed(string reason) => new(TrialState.Failed, null, reason);
}
