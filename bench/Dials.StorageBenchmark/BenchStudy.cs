using Dials.Samplers;
using Dials.Storage;

namespace Dials.StorageBenchmark;

/// <summary>The study every benchmark runs: the worker's one-dimension <see cref="Point"/> with the random sampler,
/// which reads no history, so what grows with the study is the study's and the storage's cost, not the sampler's.</summary>
internal static class BenchStudy
{
    /// <param name="heartbeats">A heartbeat interval long enough never to fire during a trial here: what it adds is
    /// the sweep for stale trials before every ask.</param>
    public static Study<Point> Open(IStudyStorage storage, string name, bool heartbeats = false) =>
        Study.Create<Point>(new StudyOptions
        {
            Name = name,
            Sampler = new RandomSampler(1),
            Storage = storage,
            HeartbeatInterval = heartbeats ? TimeSpan.FromSeconds(10) : null,
        });

    /// <summary>One trial through the public API, as a tuning loop runs it.</summary>
    public static void AskTell(Study<Point> study)
    {
        var trial = study.Ask();
        study.Tell(trial, trial.Config.X * trial.Config.X);
    }
}
