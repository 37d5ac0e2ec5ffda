namespace Dials;

/// <summary>
/// Charges the process's processor time to the trials running in it: between any two starts or ends of a trial, the
/// CPU the process used is shared equally among the trials running then. One trial at a time gets all of it (its
/// trainer's threads included, which per-thread clocks would miss); four at once get a quarter each of what four used.
/// What the study itself does while no trial runs (sampling) is charged to none.
/// </summary>
internal sealed class CpuLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, TimeSpan> running = [];
    private readonly Func<TimeSpan> processCpu;
    private TimeSpan last;

    /// <summary>A ledger over this process's CPU time.</summary>
    public CpuLedger()
        : this(() => Environment.CpuUsage.TotalTime)
    {
    }

    /// <summary>A ledger over another clock (tests).</summary>
    internal CpuLedger(Func<TimeSpan> processCpu) => this.processCpu = processCpu;

    /// <summary>Starts charging trial <paramref name="number"/>.</summary>
    public void Start(int number)
    {
        lock (gate)
        {
            Advance();
            running[number] = TimeSpan.Zero;
        }
    }

    /// <summary>Stops charging trial <paramref name="number"/> and returns what it was charged; null when it was
    /// never started here.</summary>
    public TimeSpan? Stop(int number)
    {
        lock (gate)
        {
            Advance();
            return running.Remove(number, out var charged) ? charged : null;
        }
    }

    private void Advance()
    {
        var now = processCpu();
        var used = now - last;
        last = now;
        if (running.Count == 0 || used <= TimeSpan.Zero)
        {
            return;
        }

        var share = used / running.Count;
        foreach (var number in running.Keys)
        {
            running[number] += share;
        }
    }
}
