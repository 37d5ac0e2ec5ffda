using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dials.Simulation;

/// <summary>The JSON form of a simulation: what the curves measure, every seed's curve plus medians and quartiles per
/// trial, the median at each checkpoint, and each study's wall-clock (and, when recorded, CPU) seconds with their
/// median (the same layout idea as the Optuna anchor's output, so the two compare easily). A hypervolume simulation
/// adds the reference point and each checkpoint median as a fraction of the optimal hypervolume (<c>optimum</c>);
/// <c>docs/bench/optuna5_mo_bench.py</c> writes Optuna's runs in this same shape.</summary>
public static class CurvesJson
{
    /// <summary>The simulation as indented JSON.</summary>
    public static string Write(SimulationResult result)
    {
        var samplers = new JsonObject();
        foreach (var curves in result.Samplers)
        {
            var trials = Enumerable.Range(1, result.Trials).ToArray();
            var entry = new JsonObject
            {
                ["checkpoint_median"] = ToArray(result.Checkpoints.Select(curves.MedianAt)),
                ["median"] = ToArray(trials.Select(curves.MedianAt)),
                ["q25"] = ToArray(trials.Select(t => curves.QuantileAt(t, 0.25))),
                ["q75"] = ToArray(trials.Select(t => curves.QuantileAt(t, 0.75))),
                ["per_seed"] = new JsonArray([.. curves.Values.Select(seed => (JsonNode)ToArray(seed))]),
                ["median_study_seconds"] = curves.MedianStudySeconds,
                ["study_seconds"] = ToArray(curves.StudySeconds),
            };
            if (result.Measure == CurveMeasure.Hypervolume)
            {
                entry["checkpoint_median_fraction"] = ToArray(result.Checkpoints.Select(c => result.Fraction(curves.MedianAt(c))!.Value));
            }

            if (curves.StudyCpuSeconds is not null)
            {
                entry["median_study_cpu_seconds"] = curves.MedianStudyCpuSeconds;
                entry["study_cpu_seconds"] = ToArray(curves.StudyCpuSeconds);
            }

            if (result.TrialsToBasin(curves) is { } toBasin)
            {
                entry["trials_to_basin"] = new JsonArray([.. toBasin.Select(t => (JsonNode?)t)]);
            }

            samplers[curves.Sampler] = entry;
        }

        var root = new JsonObject
        {
            ["function"] = result.Function,
            ["measure"] = result.Measure == CurveMeasure.Hypervolume ? "hypervolume" : "regret",
            ["optimum"] = result.Optimum,
            ["trials"] = result.Trials,
            ["seeds"] = result.Seeds,
            ["first_seed"] = result.FirstSeed,
            ["checkpoints"] = new JsonArray([.. result.Checkpoints.Select(c => (JsonNode)c)]),
            ["samplers"] = samplers,
        };
        if (result.Reference is { } reference)
        {
            root["reference"] = ToArray(reference);
        }

        if (result.Basin is { } basin)
        {
            root["basin"] = basin;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonArray ToArray(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)v)]);
}
