namespace Dials.ML.Trainers;

/// <summary>How many threads each model gets when a study trains several at once.</summary>
public static class TrainerThreads
{
    /// <summary>
    /// The processors shared out among the trials running at once: <c>max(1, processorCount / parallelTrials)</c>.
    /// Left to themselves, LightGBM's OpenMP threads take every core and spin while they wait for work, so parallel
    /// trials (and the cross-validation inside each) fight over the same cores: on a busy 2-core machine a run went
    /// from 14 s to 200-460 s, and back to 11-12 s with one thread per model. Giving each trial its share keeps the
    /// total at the machine's size.
    /// </summary>
    /// <param name="parallelTrials">Trials the study runs at once; at least 1.</param>
    /// <param name="processorCount">Processors available, usually <see cref="Environment.ProcessorCount"/>; at least 1.</param>
    /// <returns>Threads for each model, at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1.</exception>
    public static int ThreadsPerTrial(int parallelTrials, int processorCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        return Math.Max(1, processorCount / parallelTrials);
    }
}
