using System.Collections.Concurrent;
using Dials.Storage.Journal;

namespace Dials.Storage.Tests;

public sealed class JournalStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-contract-").FullName;

    public ConcurrentQueue<string> Warnings { get; } = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    protected override IStudyStorage CreateStorage() => new JournalStorage(Path.Combine(directory, "study.jsonl"), Warnings.Enqueue);

    protected override IStudyStorage Reopen(IStudyStorage storage) =>
        new JournalStorage(((JournalStorage)storage).FilePath, Warnings.Enqueue);
}
