using Dials.Pruners;
using Dials.Samplers;

namespace Dials;

/// <summary>Reads a study's objectives from its options and refuses what a multi-objective study cannot do yet, so
/// that the refusal comes when the study is created, naming the option, rather than as a wrong search later.</summary>
internal static class Objectives
{
    /// <summary>The study's directions, one per objective: <see cref="StudyOptions.Directions"/> when given, otherwise
    /// [<see cref="StudyOptions.Direction"/>].</summary>
    /// <exception cref="ArgumentException">The directions are empty or undefined, or disagree with an explicitly set
    /// <see cref="StudyOptions.Direction"/>; the message names both.</exception>
    public static IReadOnlyList<Direction> Directions(StudyOptions options)
    {
        if (options.Directions is not { } directions)
        {
            return [options.Direction];
        }

        if (directions.Count == 0)
        {
            throw new ArgumentException("StudyOptions.Directions is empty; give one direction per objective, or leave it null for one objective.", nameof(options));
        }

        foreach (var direction in directions)
        {
            if (!Enum.IsDefined(direction))
            {
                throw new ArgumentException($"StudyOptions.Directions holds {(int)direction}, which is not Minimize or Maximize.", nameof(options));
            }
        }

        if (options.DirectionIsSet && (directions.Count != 1 || directions[0] != options.Direction))
        {
            throw new ArgumentException(
                $"StudyOptions.Direction ({options.Direction}) and StudyOptions.Directions ({string.Join(", ", directions)}) disagree: " +
                "set Directions alone for several objectives.", nameof(options));
        }

        return [.. directions];
    }

    /// <summary>The objectives' names (<see cref="StudyOptions.ObjectiveNames"/>) checked against the study's
    /// <paramref name="directions"/>, or null when none are given.</summary>
    /// <exception cref="ArgumentException">There is not one name per direction, or a name is empty, blank or repeated;
    /// the message names the option and the offending value.</exception>
    public static IReadOnlyList<string>? Names(StudyOptions options, IReadOnlyList<Direction> directions)
    {
        if (options.ObjectiveNames is not { } names)
        {
            return null;
        }

        if (names.Count != directions.Count)
        {
            throw new ArgumentException(
                $"StudyOptions.ObjectiveNames holds {names.Count} name{(names.Count == 1 ? "" : "s")} ({Quoted(names)}) but the study has " +
                $"{directions.Count} objective{(directions.Count == 1 ? "" : "s")} ({string.Join(", ", directions)}): give one name per direction, " +
                "or leave ObjectiveNames null.", nameof(options));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new ArgumentException(
                    $"StudyOptions.ObjectiveNames[{i}] is {(names[i] is null ? "null" : $"'{names[i]}'")}: every objective needs a non-empty name.", nameof(options));
            }

            if (!seen.Add(names[i]))
            {
                throw new ArgumentException(
                    $"StudyOptions.ObjectiveNames names '{names[i]}' twice ({Quoted(names)}): each objective needs its own name.", nameof(options));
            }
        }

        return [.. names];
    }

    /// <summary>"'rmse', 'latency'": a list of names as error messages quote them.</summary>
    internal static string Quoted(IEnumerable<string?> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>Why a multi-objective study cannot run with these options; null when it can. Only samplers that declare
    /// they read several objectives (<see cref="IMultiObjectiveSampler"/>) serve such a study, and the pruners compare
    /// one intermediate curve.</summary>
    public static string? Problem(StudyOptions options)
    {
        if (options.Sampler is { } sampler and not IMultiObjectiveSampler)
        {
            return $"{sampler.GetType().Name} optimizes one objective and cannot sample a study of {options.Directions!.Count} objectives: " +
                "use a sampler that reads several objectives (TpeSampler, NsgaIISampler, RandomSampler, QmcSampler or GridSampler), or leave Sampler null " +
                "for the automatic one, which uses multi-objective TPE.";
        }

        if (options.StopWhen is { } rule)
        {
            return $"{rule.GetType().Name} (StudyOptions.StopWhen) watches one objective's best value and cannot judge a study of " +
                $"{options.Directions!.Count} objectives: leave StopWhen null and give a trial budget or a time limit.";
        }

        if (options.Pruner is { } pruner and not NopPruner)
        {
            return $"{pruner.GetType().Name} cannot prune a study of {options.Directions!.Count} objectives: pruning compares one " +
                "objective's intermediate values, so a multi-objective study runs every trial to the end (leave Pruner null).";
        }

        return null;
    }
}
