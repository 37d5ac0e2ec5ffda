namespace Dials;

/// <summary>One way a configuration breaks its search space.</summary>
/// <param name="Path">Dotted name of the offending property, e.g. <c>Schedule.WarmupSteps</c>.</param>
/// <param name="Value">The offending value as text (invariant culture).</param>
/// <param name="Rule">The rule it breaks, e.g. <c>is outside [1E-05, 1]</c>.</param>
public sealed record ValidationError(string Path, string Value, string Rule)
{
    /// <summary>The message with the property named by <paramref name="path"/> instead of <see cref="Path"/>
    /// (for example a configuration key such as <c>Training:LearningRate</c>).</summary>
    public string Describe(string path) => $"{path} = {Value} {Rule}.";

    /// <summary>A sentence naming the property, the value and the rule.</summary>
    public string Message => Describe(Path);

    /// <inheritdoc />
    public override string ToString() => Message;
}
