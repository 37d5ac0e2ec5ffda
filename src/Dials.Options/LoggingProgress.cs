using Microsoft.Extensions.Logging;

namespace Dials.Options;

/// <summary>
/// Logs a study's progress through an <see cref="ILogger"/>: pass it as the <c>progress</c> of
/// <c>Study&lt;T&gt;.OptimizeAsync</c> to get, after every finished trial, the same "Trial N of 'study' finished ..."
/// message the hosted study (<c>AddTuning</c>) logs, and at debug level the count against the budget and the best.
/// </summary>
/// <remarks>The core library takes no logger itself: <see cref="IProgress{T}"/> keeps it free of the logging
/// abstractions for apps that log some other way, and this adapter is where an app that has an
/// <see cref="ILogger"/> (usually from dependency injection) connects the two.</remarks>
/// <param name="logger">Where the messages go.</param>
/// <param name="study">The study's name, as the messages show it.</param>
public sealed class LoggingProgress(ILogger logger, string study) : IProgress<StudyProgress>
{
    private readonly ILogger logger = logger ?? throw new ArgumentNullException(nameof(logger));
    private readonly string study = study ?? throw new ArgumentNullException(nameof(study));

    /// <summary>Logs the trial in <paramref name="value"/> and where the study stands.</summary>
    /// <param name="value">The study's progress after a trial.</param>
    public void Report(StudyProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trial = value.Trial;
        TuningLog.TrialFinished(logger, trial.Number, study, trial.State.ToString().ToLowerInvariant(), trial.Value,
            trial.Duration?.TotalSeconds ?? 0, trial.StrategyReason is { } why ? $"{trial.Strategy} ({why})" : trial.Strategy ?? "unrecorded");
        TuningLog.Progress(logger, study, value.Finished, value.Budget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no limit",
            value.Best?.Value, value.Best?.Number);
    }
}
