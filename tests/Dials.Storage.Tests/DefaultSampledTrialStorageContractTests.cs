using Dials.Testing;

namespace Dials.Storage.Tests;

/// <summary>The contract on a storage that leaves <see cref="IStudyStorage.CreateSampledTrial"/> to the interface's
/// default implementation (CreateTrial, ReadTrials, then SetTrialPoint), as a storage written outside Dials would.</summary>
public sealed class DefaultSampledTrialStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new DefaultSampling(new InMemoryStorage());

    protected override IStudyStorage Reopen(IStudyStorage storage) => storage;

    /// <summary>Forwards every call but CreateSampledTrial, which it does not implement, to an in-memory storage.</summary>
    private sealed class DefaultSampling(InMemoryStorage inner) : ForwardingStorage(inner), IHeartbeatStorage, ICheckpointStorage
    {
        public bool Heartbeat(string studyName, int number, DateTimeOffset at) => inner.Heartbeat(studyName, number, at);

        public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason) =>
            inner.FailStaleTrials(studyName, staleBefore, reason);

        public void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data) => inner.WriteCheckpoint(studyName, name, data);

        public byte[]? ReadCheckpoint(string studyName, string name) => inner.ReadCheckpoint(studyName, name);

        public void DeleteCheckpoint(string studyName, string name) => inner.DeleteCheckpoint(studyName, name);
    }
}
