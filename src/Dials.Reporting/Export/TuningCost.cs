using System.Globalization;

namespace Dials.Reporting.Export;

/// <summary>What a search cost: the trials' running time and the processor time charged to them
/// (<see cref="TrialRecord.CpuTime"/>), added up, and at an optional price per CPU-hour what that came to. The
/// governance question "what did tuning cost?" answered from the study itself.</summary>
/// <param name="Finished">The finished trials (complete, pruned or failed).</param>
/// <param name="TrialTime">Their running times added up (wall-clock per trial; parallel trials overlap).</param>
/// <param name="CpuTime">The processor time charged to them, added up.</param>
/// <param name="Measured">How many finished trials had their processor time measured (trials stored before it was
/// kept, and trials failed as stale, were not).</param>
public sealed record TuningCost(int Finished, TimeSpan TrialTime, TimeSpan CpuTime, int Measured)
{
    /// <summary>The cost of <paramref name="trials"/>.</summary>
    public static TuningCost Of(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int finished = 0, measured = 0;
        TimeSpan time = TimeSpan.Zero, cpu = TimeSpan.Zero;
        foreach (var trial in trials.Where(t => t.IsFinished))
        {
            finished++;
            time += trial.Duration ?? TimeSpan.Zero;
            if (trial.CpuTime is { } charged)
            {
                cpu += charged;
                measured++;
            }
        }

        return new TuningCost(finished, time, cpu, measured);
    }

    /// <summary>The best value's gain over the declared defaults: how much better than the first complete trial of the
    /// defaults' configuration (<see cref="SearchSpace.DefaultPoint"/>, e.g. queued as trial 0) the best complete trial
    /// is, in the study's direction; null for a study of several objectives, or one that never ran the defaults.</summary>
    /// <param name="study">The study.</param>
    public static DefaultsGain? GainOverDefaults(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.IsMultiObjective || study.Best is not { Value: { } best } bestTrial)
        {
            return null;
        }

        var defaults = study.Space.DefaultPoint;
        var trial = study.Complete.FirstOrDefault(t => t.Point.Count == defaults.Length
            && t.Point.Zip(defaults).All(p => p.First.Equals(p.Second)));
        return trial?.Value is { } value
            ? new DefaultsGain(trial.Number, value, bestTrial.Number, best, study.Direction == Direction.Minimize ? value - best : best - value)
            : null;
    }

    /// <summary>The CPU-hours charged.</summary>
    public double CpuHours => CpuTime.TotalHours;

    /// <summary>In words: "12 trials ran 3.4 trial-minutes and used 5.1 CPU-minutes", with how many trials were
    /// measured when not all, and the price when <paramref name="pricePerCpuHour"/> is given.</summary>
    /// <param name="pricePerCpuHour">The price of one CPU-hour (any currency), or null.</param>
    public string Describe(double? pricePerCpuHour = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = string.Create(inv, $"{Finished} finished trials ran {Minutes(TrialTime)} trial-minutes and used {Minutes(CpuTime)} CPU-minutes");
        if (Measured < Finished)
        {
            text += string.Create(inv, $" ({Measured} of them measured)");
        }

        return pricePerCpuHour is { } price ? text + string.Create(inv, $"; at {price:G4} per CPU-hour, {price * CpuHours:G4}") : text;
    }

    private static string Minutes(TimeSpan time) => time.TotalMinutes.ToString(time.TotalMinutes >= 10 ? "F0" : "G2", CultureInfo.InvariantCulture);
}

/// <summary>What the search gained over the declared defaults.</summary>
/// <param name="DefaultsTrial">The trial that ran the defaults.</param>
/// <param name="DefaultsValue">Its value.</param>
/// <param name="BestTrial">The best trial.</param>
/// <param name="BestValue">Its value.</param>
/// <param name="Gain">How much better the best is, in the study's direction (0 when the defaults are best).</param>
public sealed record DefaultsGain(int DefaultsTrial, double DefaultsValue, int BestTrial, double BestValue, double Gain)
{
    /// <summary>In words: "a gain of 1.8 over the defaults (trial 0: 60.2, best trial 14: 58.4)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"a gain of {Gain:G4} over the defaults (trial {DefaultsTrial}: {DefaultsValue:G6}; best, trial {BestTrial}: {BestValue:G6})");
}
