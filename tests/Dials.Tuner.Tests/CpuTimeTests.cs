using Dials.Samplers;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>What a trial cost in processor time: charged from the process's CPU clock, shared among the trials
/// running at once, kept with the trial.</summary>
public sealed class CpuTimeTests
{
    [Fact]
    public void Processor_time_is_shared_among_the_trials_running_at_each_moment()
    {
        var clock = TimeSpan.Zero;
        var ledger = new CpuLedger(() => clock);

        clock = TimeSpan.FromSeconds(5);    // before any trial: the study's own work, charged to none
        ledger.Start(0);
        clock += TimeSpan.FromSeconds(2);   // trial 0 alone
        ledger.Start(1);
        clock += TimeSpan.FromSeconds(4);   // both: 2 s each
        var first = ledger.Stop(0);
        clock += TimeSpan.FromSeconds(1);   // trial 1 alone
        var second = ledger.Stop(1);

        Assert.Equal(TimeSpan.FromSeconds(4), first);
        Assert.Equal(TimeSpan.FromSeconds(3), second);
        Assert.Null(ledger.Stop(7));
    }

    [Fact]
    public async Task A_trial_that_computes_is_charged_processor_time_and_keeps_it()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1) });
        var result = await study.OptimizeAsync(toy =>
        {
            // Work the processor for a moment: the trial must be charged more than nothing.
            var sum = 0.0;
            for (var i = 0; i < 20_000_000; i++)
            {
                sum += Math.Sqrt(i + toy.X * toy.X);
            }

            return sum > 0 ? TestSpaces.Bowl(toy) : 0;
        }, trials: 2);

        Assert.All(result.Trials, t => Assert.True(t.CpuTime > TimeSpan.Zero, $"trial {t.Number} was charged {t.CpuTime}"));
    }
}
