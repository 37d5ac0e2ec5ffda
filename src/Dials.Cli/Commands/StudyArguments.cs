using System.CommandLine;
using Dials.Analysis;
using Dials.Options;
using Dials.Storage;

namespace Dials.Cli.Commands;

/// <summary>The <c>--storage</c> and <c>--study</c> options every inspecting command shares, and opening what they
/// name without side effects: a mistyped file name must not leave an empty journal or database behind.</summary>
internal static class StudyArguments
{
    /// <summary>A new <c>--storage</c> option (each command needs its own instance).</summary>
    public static Option<string> StorageOption() => new("--storage")
    {
        Description = "Where the studies are: journal:PATH, sqlite:PATH (or sqlite:CONNECTION-STRING), postgres:CONNECTION-STRING.",
        Required = true,
    };

    /// <summary>A new <c>--study</c> option.</summary>
    public static Option<string> StudyOption() => new("--study")
    {
        Description = "The study's name (dials studies lists them).",
        Required = true,
    };

    /// <summary>A new <c>--seed</c> option, for analyses that draw random numbers.</summary>
    public static Option<int> SeedOption() => new("--seed")
    {
        Description = "Seed of the analyses' random draws, so a run can be repeated exactly.",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Opens the storage a spec names for reading only: a journal or SQLite file that does not exist is
    /// refused rather than created, and nothing is written (see <see cref="StorageSpec.OpenForReading"/>).</summary>
    /// <param name="spec">The storage spec.</param>
    /// <exception cref="CliException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The spec is malformed (the message names an unknown prefix but never repeats
    /// the spec).</exception>
    public static IStudyStorage Open(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!StorageLocation.TryParse(spec, out _, out var problem))
        {
            throw new CliException(problem);
        }

        try
        {
            return StorageSpec.OpenForReading(spec);
        }
        catch (FileNotFoundException exception)
        {
            throw new CliException(exception.Message);
        }
    }

    /// <summary>Reads a study from the storage a spec names.</summary>
    /// <exception cref="InvalidOperationException">No such study; the message lists those there are.</exception>
    public static StudySnapshot Load(string spec, string study)
    {
        var storage = Open(spec);
        try
        {
            return StudySnapshot.Load(storage, study);
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    /// <summary>Like <see cref="Load"/>, for commands that need at least one complete trial.</summary>
    /// <exception cref="CliException">The study has no complete trial.</exception>
    public static StudySnapshot LoadWithCompleteTrials(string spec, string study) => RequireComplete(Load(spec, study));

    /// <summary>The study itself, when it has at least one complete trial.</summary>
    /// <exception cref="CliException">The study has no complete trial.</exception>
    public static StudySnapshot RequireComplete(StudySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Complete.Count == 0)
        {
            var counts = Dials.Reporting.Export.TrialCounts.Of(snapshot.Trials);
            throw new CliException(
                $"study '{snapshot.Name}' has no complete trial yet ({counts.Total} trials: {counts.Pruned} pruned, {counts.Failed} failed, {counts.Running} running).");
        }

        return snapshot;
    }
}
