namespace Dials.ML.Trainers;

/// <summary>How many threads each model gets while a study trains many.</summary>
public static class TrainerThreads
{
    /// <summary>
    /// One thread per model, whatever the study's parallelism: the cores are used by running trials side by side
    /// (<c>parallelism</c> in <c>Study.OptimizeAsync</c>, <c>--parallel</c> in the main job), not by threads inside one
    /// model. Left to themselves LightGBM's OpenMP threads take every core and spin at each of the many barriers of a
    /// small fit, so on a 2-core machine whose cores were busy with two other processes a 20-trial run took 56 s with
    /// the library's default and 66 s with two threads, against 12 s with one; even without added load, one thread was
    /// faster (7.7 s against 9.5 s with two) and used half the CPU (docs/benchmarks.md, "Threads per trial").
    /// </summary>
    public const int PerModel = 1;
}
