using Dials.Samplers;

namespace Dials.Cli.Simulation;

/// <summary>Runs one sequential study of a test function and returns every trial's value in trial order.</summary>
internal static class StudyLoop
{
    public static double[] Run(TestFunction function, ISampler sampler, int trials)
    {
        var records = new List<TrialRecord>(trials);
        var values = new double[trials];
        for (var n = 0; n < trials; n++)
        {
            var point = sampler.Sample(new SamplingContext(function.Space, Direction.Minimize, records, n));
            values[n] = function.Evaluate(point);
            records.Add(new TrialRecord(n, TrialState.Complete, point, values[n], [], DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        }

        return values;
    }
}
