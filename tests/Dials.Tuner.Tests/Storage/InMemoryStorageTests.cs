using Dials.Storage;

namespace Dials.Tuner.Tests;

public sealed class InMemoryStorageTests : StudyStorageContract
{
    protected override IStudyStorage CreateStorage() => Dials.Storage.Storage.InMemory();
}
