namespace Dials.Storage.Tests;

/// <summary>The writers' lock keeps its lock file open between acquisitions: it must still exclude the threads that
/// share one lock object, and every other lock object (another process's, as far as the file is concerned).</summary>
public sealed class InterProcessLockTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-lock-").FullName;

    private string LockPath => Path.Combine(directory, "study.jsonl.lock");

    [Fact]
    public void Threads_sharing_one_lock_take_turns()
    {
        var shared = new InterProcessLock(LockPath);
        var inside = 0;
        var overlaps = 0;
        var count = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 200; i++)
            {
                using (shared.Acquire())
                {
                    if (Interlocked.Increment(ref inside) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    count++; // not atomic: only the lock keeps it exact
                    Interlocked.Decrement(ref inside);
                }
            }
        });

        Assert.Equal(0, overlaps);
        Assert.Equal(1600, count);
    }

    [Fact]
    public async Task A_held_lock_keeps_another_lock_object_on_the_same_file_waiting_until_released()
    {
        var first = new InterProcessLock(LockPath);
        var second = new InterProcessLock(LockPath);
        var held = first.Acquire();

        var waiting = Task.Run(() => second.Acquire());

        Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(200)));
        held.Dispose();
        held.Dispose(); // releasing twice is harmless
        using var next = await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_same_lock_object_can_be_taken_again_after_release()
    {
        var reused = new InterProcessLock(LockPath);
        for (var i = 0; i < 3; i++)
        {
            using var held = reused.Acquire();
        }

        using var other = new InterProcessLock(LockPath).Acquire();
        Assert.True(File.Exists(LockPath));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
