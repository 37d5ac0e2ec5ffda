using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>What the disk alone costs a durable write in a folder: every finished trial waits for at least one sync,
/// so this, printed beside the figures, tells the disk's share from the code's.</summary>
internal static class DiskSync
{
    /// <summary>The median milliseconds of 100 writes of 4 KB, each flushed to disk.</summary>
    public static double Median(string directory)
    {
        var path = Path.Combine(directory, "sync-probe");
        var times = new double[100];
        using (var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite))
        {
            var block = new byte[4096];
            for (var i = 0; i < times.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                RandomAccess.Write(file, block, i * (long)block.Length);
                RandomAccess.FlushToDisk(file);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        File.Delete(path);
        return Stats.Median(times);
    }
}
