namespace Dials.Stopping;

/// <summary>
/// Decides when more trials stop paying: asked after every finished trial of
/// <see cref="Study{T}.OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>,
/// it ends the run (the trials already running finish) and its reason is kept in
/// <see cref="StudyResult{T}.StoppedBecause"/>. A budget, a time limit or cancellation still stop the run first.
/// </summary>
public interface IStoppingRule
{
    /// <summary>Why the study should stop now, in a sentence with the figures behind it; null to go on.</summary>
    /// <param name="study">The study as it stands: every trial so far.</param>
    string? ShouldStop(StudySnapshot study);
}
