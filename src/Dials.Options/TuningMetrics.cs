using System.Diagnostics.Metrics;

namespace Dials.Options;

/// <summary>
/// The hosted study's instruments on the <c>Dials</c> meter: <c>dials.trials</c> (counter, tagged by study and
/// state), <c>dials.best_value</c> (gauge, by study) and <c>dials.trial.duration</c> (histogram, seconds).
/// </summary>
internal sealed class TuningMetrics : IDisposable
{
    /// <summary>The meter's name, for listeners and OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Dials";

    private readonly Meter meter;
    private readonly Counter<long> trials;
    private readonly Gauge<double> best;
    private readonly Histogram<double> duration;

    public TuningMetrics(IMeterFactory? factory)
    {
        // A meter from the host's factory is disposed with the host; one of our own is disposed with us.
        meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        trials = meter.CreateCounter<long>("dials.trials", "{trial}", "Trials finished, by state.");
        best = meter.CreateGauge<double>("dials.best_value", null, "The best objective value so far.");
        duration = meter.CreateHistogram<double>("dials.trial.duration", "s", "How long trials take.");
    }

    public void TrialFinished(string study, string state, double seconds)
    {
        var studyTag = new KeyValuePair<string, object?>("dials.study", study);
        trials.Add(1, studyTag, new KeyValuePair<string, object?>("dials.trial.state", state));
        duration.Record(seconds, studyTag, new KeyValuePair<string, object?>("dials.trial.state", state));
    }

    public void Best(string study, double value) => best.Record(value, new KeyValuePair<string, object?>("dials.study", study));

    public void Dispose() => meter.Dispose();
}
