namespace Dials;

/// <summary>How one run of the objective ended, before it is recorded.</summary>
/// <param name="State">Complete, Pruned or Failed.</param>
/// <param name="Value">The value of a complete trial.</param>
/// <param name="FailReason">Why a failed trial failed, as a phrase ("threw ...", "returned NaN").</param>
internal sealed record TrialOutcome(TrialState State, double? Value, string? FailReason)
{
    public static TrialOutcome FromValue(double value) => double.IsFinite(value)
        ? new TrialOutcome(TrialState.Complete, value, null)
        : Failed($"the objective returned {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static TrialOutcome Pruned { get; } = new(TrialState.Pruned, null, null);

    public static TrialOutcome Failed(string reason) => new(TrialState.Failed, null, reason);
}
