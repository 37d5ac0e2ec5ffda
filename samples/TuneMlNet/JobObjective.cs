using Dials;
using Dials.ML.Tuning;

namespace TuneMlNet;

/// <summary>What <c>--objectives</c> may name: the task's metric (cross-validated), the prediction latency per row or
/// the saved model's size (see <see cref="DeploymentCost"/>).</summary>
public enum JobObjective
{
    /// <summary>The task's metric, cross-validated: <c>rmse</c>, <c>auc</c> or <c>log-loss</c>.</summary>
    Metric,

    /// <summary>Prediction time per row, in microseconds (minimised).</summary>
    Latency,

    /// <summary>The saved model's size in bytes (minimised).</summary>
    Size,
}

/// <summary>Reads <c>--objectives</c> and names the objectives as the console and the selection show them.</summary>
public static class JobObjectives
{
    /// <summary>Parses a comma-separated list such as <c>rmse,latency</c>; the metric's name is the task's
    /// (<paramref name="metric"/>, any case).</summary>
    /// <returns>The objectives in the order given, or null with <paramref name="problem"/> saying why.</returns>
    public static IReadOnlyList<JobObjective>? Parse(string text, TaskMetric metric, out string? problem)
    {
        var known = $"{metric.Name.ToLowerInvariant()}, latency, size";
        var objectives = new List<JobObjective>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            JobObjective? objective = name.ToLowerInvariant() switch
            {
                "latency" => JobObjective.Latency,
                "size" => JobObjective.Size,
                var other when other == metric.Name.ToLowerInvariant() => JobObjective.Metric,
                _ => null,
            };
            if (objective is null)
            {
                problem = $"--objectives: unknown objective '{name}'; for a {metric.Task.ToString().ToLowerInvariant()} task the objectives are {known}.";
                return null;
            }

            if (objectives.Contains(objective.Value))
            {
                problem = $"--objectives names {name} twice.";
                return null;
            }

            objectives.Add(objective.Value);
        }

        if (!objectives.Contains(JobObjective.Metric))
        {
            problem = $"--objectives must include the task's metric, {metric.Name.ToLowerInvariant()} (the objectives are {known}).";
            return null;
        }

        problem = null;
        return objectives;
    }

    /// <summary>The name an objective goes by in the selection and the table.</summary>
    public static string Name(JobObjective objective, TaskMetric metric) => objective switch
    {
        JobObjective.Metric => metric.Name.ToLowerInvariant(),
        JobObjective.Latency => "latency",
        _ => "size",
    };

    /// <summary>Whether smaller or larger values are better.</summary>
    public static Direction Direction(JobObjective objective, TaskMetric metric) =>
        objective == JobObjective.Metric ? metric.Direction : Dials.Direction.Minimize;
}
