using System.Globalization;

namespace Dials;

/// <summary>
/// An opt-in progress display for console apps: one plain line per finished trial, with the count against the
/// budget and the best so far, for <c>study.OptimizeAsync(objective, new ConsoleProgress(), trials: 100)</c>.
/// </summary>
/// <remarks>
/// <para>Lines carry no colour or cursor codes, so they read the same in a terminal, a pipe, a log file or a CI log,
/// and a live display never garbles redirected output. They go to standard error by default, which keeps standard
/// output for the app's results.</para>
/// <para>Numbers are written in the invariant culture, so the lines parse the same on every machine:</para>
/// <code>trial 7 complete 0.0123457 in 1.2 s; 8/40 finished; best 0.0123457 (trial 7, new best)</code>
/// </remarks>
public sealed class ConsoleProgress : IProgress<StudyProgress>
{
    private readonly TextWriter writer;
    private readonly Lock gate = new();

    /// <summary>A display on standard error.</summary>
    public ConsoleProgress()
        : this(Console.Error)
    {
    }

    /// <summary>A display on <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the lines go.</param>
    public ConsoleProgress(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        this.writer = writer;
    }

    /// <summary>Writes the line for <paramref name="value"/>.</summary>
    /// <param name="value">The study's progress after a trial.</param>
    public void Report(StudyProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var line = Format(value);
        // The study never overlaps its calls, but one display may serve several studies at once.
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>The line written for <paramref name="value"/>.</summary>
    /// <param name="value">The study's progress after a trial.</param>
    public static string Format(StudyProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trial = value.Trial;
        var outcome = trial.State switch
        {
            TrialState.Complete => FormattableString.Invariant($"complete {trial.Value:G6}"),
            TrialState.Failed when trial.FailReason is { } reason => "failed (" + reason + ")",
            _ => trial.State.ToString().ToLowerInvariant(),
        };
        var duration = trial.Duration is { } d ? string.Create(CultureInfo.InvariantCulture, $" in {d.TotalSeconds:0.0} s") : "";
        var count = value.Budget is { } budget
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Finished}/{budget} finished")
            : string.Create(CultureInfo.InvariantCulture, $"{value.Finished} finished");
        var best = value.Best is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"best {b.Value:G6} (trial {b.Number}{(value.IsNewBest ? ", new best" : "")})")
            : "no complete trial yet";
        return string.Create(CultureInfo.InvariantCulture, $"trial {trial.Number} {outcome}{duration}; {count}; {best}");
    }
}
