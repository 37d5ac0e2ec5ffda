using Dials.Storage;

namespace Dials.Testing;

/// <summary>
/// A study storage that passes every call of <see cref="IStudyStorage"/> on to another: the base of the tests' storage
/// doubles (one that counts calls, one that hides the heartbeat interface, one that leaves
/// <see cref="IStudyStorage.CreateSampledTrial"/> to the interface's default). It implements only the interface's
/// required members, so a derived class that does not declare <c>CreateSampledTrial</c> gets the default one.
/// </summary>
internal abstract class ForwardingStorage(IStudyStorage inner) : IStudyStorage
{
    /// <summary>The storage the calls go to.</summary>
    protected IStudyStorage Inner => inner;

    public virtual StoredStudy CreateStudy(StoredStudy study, bool loadIfExists) => inner.CreateStudy(study, loadIfExists);

    public virtual void Enqueue(string studyName, IReadOnlyList<double> point, string? reason) => inner.Enqueue(studyName, point, reason);

    public virtual NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit) => inner.CreateTrial(studyName, start, limit);

    public virtual NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit) => inner.CreateQueuedTrial(studyName, start, limit);

    public virtual void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason) =>
        inner.SetTrialPoint(studyName, number, point, strategy, strategyReason);

    public virtual void ReportIntermediate(string studyName, int number, IntermediateValue value) => inner.ReportIntermediate(studyName, number, value);

    public virtual bool FinishTrial(
        string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null) =>
        inner.FinishTrial(studyName, number, state, value, duration, failReason, values, constraints, cpuTime);

    public virtual IReadOnlyList<StoredStudy> ListStudies() => inner.ListStudies();

    public virtual IReadOnlyList<TrialRecord> ReadTrials(string studyName) => inner.ReadTrials(studyName);
}
