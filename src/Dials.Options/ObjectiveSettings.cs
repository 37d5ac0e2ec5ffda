using System.ComponentModel;

namespace Dials.Options;

/// <summary>One entry of <c>Tuning:Objectives</c>: an objective's name and direction, in the order the objective
/// returns its values (<c>{ "Name": "latency", "Direction": "Minimize" }</c>).</summary>
public sealed record ObjectiveSettings
{
    /// <summary>The objective's name, as <c>Tuning:Select</c>, logs and reports show it; names differ (ignoring case).</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether smaller (the default) or larger values of this objective are better.</summary>
    [DefaultValue(Direction.Minimize)]
    public Direction Direction { get; init; } = Direction.Minimize;
}
