using System.CommandLine;
using System.Data.Common;
using Dials.Analysis;
using Dials.Options;
using Dials.Storage;

namespace Dials.Cli.Commands;

/// <summary>The <c>--storage</c> and <c>--study</c> options every inspecting command shares, and opening what they
/// name without side effects: a mistyped file name must not leave an empty journal or database behind.</summary>
public static class StudyArguments
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

    /// <summary>Opens the storage a spec names, refusing a journal or SQLite file that does not exist rather than
    /// creating it.</summary>
    /// <param name="spec">The storage spec.</param>
    /// <exception cref="CliException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The spec is malformed (StorageSpec's message, which never repeats it).</exception>
    public static IStudyStorage Open(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (StorageSpec.Problem(spec) is { } problem)
        {
            throw new CliException("The storage spec " + problem);
        }

        if (FileOf(spec) is { } path && !File.Exists(path))
        {
            throw new CliException($"storage file not found: {path}");
        }

        return StorageSpec.Open(spec);
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

    /// <summary>The file a journal or SQLite spec names, or null for a server or an in-memory database.</summary>
    internal static string? FileOf(string spec)
    {
        var (kind, target) = spec.Split(':', 2) is [var k, var t] ? (k, t) : ("", "");
        return kind switch
        {
            "journal" => target,
            "sqlite" when !target.Contains('=') => target,
            "sqlite" => DataSourceOf(target),
            _ => null,
        };
    }

    private static string? DataSourceOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return null; // Malformed: the storage itself says so, without repeating the string.
        }

        if (builder.TryGetValue("Mode", out var mode) && string.Equals(mode?.ToString(), "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var key in (ReadOnlySpan<string>)["Data Source", "DataSource", "Filename"])
        {
            if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } source && source != ":memory:")
            {
                return source;
            }
        }

        return null;
    }
}
