namespace Dials.Storage.Tests;

/// <summary>The contract on a storage that leaves <see cref="IStudyStorage.CreateSampledTrial"/> to the interface's
/// default implementation (CreateTrial, ReadTrials, then SetTrialPoint), as a storage written outside Dials would.</summary>
public sealed class DefaultSampledTrialStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new ForwardingStorage(new InMemoryStorage());

    protected override IStudyStorage Reopen(IStudyStorage storage) => storage;

    /// <summary>Forwards every call but CreateSampledTrial, which it does not implement, to an in-memory storage.</summary>
    private sealed class ForwardingStorage(InMemoryStorage inner) : IStudyStorage, IHeartbeatStorage, ICheckpointStorage
    {
        public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists) => inner.CreateStudy(study, loadIfExists);

        public void Enqueue(string studyName, IReadOnlyList<double> point, string? reason) => inner.Enqueue(studyName, point, reason);

        public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit) => inner.CreateTrial(studyName, start, limit);

        public NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit) => inner.CreateQueuedTrial(studyName, start, limit);

        public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason) =>
            inner.SetTrialPoint(studyName, number, point, strategy, strategyReason);

        public void ReportIntermediate(string studyName, int number, IntermediateValue value) => inner.ReportIntermediate(studyName, number, value);

        public bool FinishTrial(
            string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
            IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null) =>
            inner.FinishTrial(studyName, number, state, value, duration, failReason, values, constraints, cpuTime);

        public IReadOnlyList<StoredStudy> ListStudies() => inner.ListStudies();

        public IReadOnlyList<TrialRecord> ReadTrials(string studyName) => inner.ReadTrials(studyName);

        public bool Heartbeat(string studyName, int number, DateTimeOffset at) => inner.Heartbeat(studyName, number, at);

        public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason) =>
            inner.FailStaleTrials(studyName, staleBefore, reason);

        public void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data) => inner.WriteCheckpoint(studyName, name, data);

        public byte[]? ReadCheckpoint(string studyName, string name) => inner.ReadCheckpoint(studyName, name);

        public void DeleteCheckpoint(string studyName, string name) => inner.DeleteCheckpoint(studyName, name);
    }
}
