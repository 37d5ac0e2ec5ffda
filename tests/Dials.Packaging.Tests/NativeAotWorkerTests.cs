using System.Diagnostics;

namespace Dials.Packaging.Tests;

/// <summary>
/// The durable storages work in a worker published with NativeAOT (docs/storages.md, "Running many workers"): the study
/// worker tool, published as a native executable, shares one study between two processes on the journal and on SQLite,
/// and together they finish exactly the budget.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class NativeAotWorkerTests : IDisposable
{
    private const int Budget = 40;
    private readonly string output = Directory.CreateTempSubdirectory("dials-aot-worker-").FullName;
    private readonly string studies = Directory.CreateTempSubdirectory("dials-aot-studies-").FullName;

    [Fact]
    public void Native_workers_share_a_study_on_the_journal_and_on_SQLite()
    {
        var (publishExit, publishOutput) = DotnetCli.Run(Dials.Testing.RepositoryRoot.Path,
            "publish", "tools/Dials.StudyWorker", "-c", "Release", "-r", "linux-x64", "-p:DialsPublishAot=true", "-o", output);
        Assert.True(publishExit == 0, publishOutput);
        Assert.DoesNotContain("warning IL", publishOutput);
        var native = Path.Combine(output, "Dials.StudyWorker");
        Assert.False(File.Exists(Path.Combine(output, "Dials.StudyWorker.dll")), "expected a native executable, not IL");

        foreach (var storage in new[] { "journal:" + Path.Combine(studies, "s.jsonl"), "sqlite:" + Path.Combine(studies, "s.db") })
        {
            var workers = Enumerable.Range(0, 2).Select(seed => Start(native, storage, seed)).ToList();
            var printed = workers.Select(w => w.StandardOutput.ReadToEndAsync()).ToList();
            workers.ForEach(w => w.WaitForExit());

            Assert.All(workers, w => Assert.Equal(0, w.ExitCode));
            var lines = printed.SelectMany(p => p.Result.Split('\n', StringSplitOptions.TrimEntries)).ToList();
            // Every trial ran once, in one worker or the other; the last worker to finish sees the whole budget.
            Assert.Equal(Budget, lines.Count(l => l.StartsWith("trial ", StringComparison.Ordinal)));
            Assert.Equal(Budget, lines.Where(l => l.StartsWith("trial ", StringComparison.Ordinal)).Distinct().Count());
            Assert.Contains($"done {Budget}", lines);
            workers.ForEach(w => w.Dispose());
        }
    }

    private static Process Start(string native, string storage, int seed)
    {
        var start = new ProcessStartInfo(native) { RedirectStandardOutput = true };
        foreach (var argument in new[] { storage, "s", $"{Budget}", $"{seed}", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    public void Dispose()
    {
        Directory.Delete(output, recursive: true);
        Directory.Delete(studies, recursive: true);
    }
}
