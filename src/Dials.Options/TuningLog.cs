using Microsoft.Extensions.Logging;

namespace Dials.Options;

/// <summary>The hosted study's log messages (source-generated: no boxing, no parsing of templates at run time).
/// Storage specs are never logged; only the storage's kind.</summary>
internal static partial class TuningLog
{
    [LoggerMessage(1, LogLevel.Information, "Tuning study '{Study}' of {Type}: {Existing} of {Budget} trials already in the {StorageKind} storage; sampler {Sampler}, pruner {Pruner}, parallelism {Parallelism}.")]
    public static partial void Starting(ILogger logger, string study, string type, int existing, int budget, string storageKind, string sampler, string pruner, int parallelism);

    [LoggerMessage(2, LogLevel.Information, "Trial {Number} of '{Study}' finished {State} with {Value} in {Seconds:F2} s; proposed by {Strategy}.")]
    public static partial void TrialFinished(ILogger logger, int number, string study, string state, double? value, double seconds, string strategy);

    [LoggerMessage(3, LogLevel.Information, "Trial {Number} of '{Study}' is the new best: {Value}; written to {Output}.")]
    public static partial void NewBest(ILogger logger, int number, string study, double value, string output);

    [LoggerMessage(4, LogLevel.Information, "Tuning study '{Study}' done: {Trials} trials, best {Value} (trial {Number}).")]
    public static partial void Finished(ILogger logger, string study, int trials, double value, int number);

    [LoggerMessage(5, LogLevel.Warning, "Tuning study '{Study}' done with no complete trial.")]
    public static partial void FinishedWithoutBest(ILogger logger, string study);

    [LoggerMessage(6, LogLevel.Information, "Tuning study '{Study}' stopped by host shutdown; finished trials are in the storage and the study resumes on the next start.")]
    public static partial void Stopped(ILogger logger, string study);

    [LoggerMessage(7, LogLevel.Warning, "Tuning study '{Study}' keeps its trials in memory: they are lost on shutdown. Set Tuning:Storage to resume across restarts.")]
    public static partial void NotDurable(ILogger logger, string study);

    [LoggerMessage(8, LogLevel.Debug, "Tuning is disabled (Tuning:Enabled is false).")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(9, LogLevel.Debug, "Study '{Study}': {Finished} trials finished of {Budget}; best {Best} (trial {BestNumber}).")]
    public static partial void Progress(ILogger logger, string study, int finished, string budget, double? best, int? bestNumber);

    [LoggerMessage(10, LogLevel.Information, "Trial {Number} of '{Study}' finished {State} with {Values} in {Seconds:F2} s; proposed by {Strategy}.")]
    public static partial void TrialFinishedSeveral(ILogger logger, int number, string study, string state, string values, double seconds, string strategy);

    [LoggerMessage(11, LogLevel.Information, "Trial {Number} of '{Study}' is the chosen point of the Pareto front: {Reason}; written to {Output}.")]
    public static partial void NewChoice(ILogger logger, int number, string study, string reason, string output);

    [LoggerMessage(12, LogLevel.Information, "Tuning study '{Study}' done: {Trials} trials, {Front} on the Pareto front; the rule is {Rule}: {Reason}.")]
    public static partial void FinishedSeveral(ILogger logger, string study, int trials, int front, string rule, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Tuning study '{Study}': no point of the Pareto front can be chosen yet, so Tuning:Output is not written: {Reason}")]
    public static partial void NothingSelected(ILogger logger, string study, string reason);

    [LoggerMessage(14, LogLevel.Information, "Tuning study '{Study}' stopped before its budget (Tuning:StopWhen): {Reason}.")]
    public static partial void StoppedEarly(ILogger logger, string study, string reason);
}
