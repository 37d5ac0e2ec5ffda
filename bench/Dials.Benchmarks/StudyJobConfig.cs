using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Dials.Benchmarks;

/// <summary>
/// The job for whole-study benchmarks: 30 iterations of a few invocations each, every iteration starting from a
/// freshly refilled study. Tiered compilation is off because the refill keeps the JIT busy, which postpones the
/// promotion of the measured code to optimized tiers indefinitely; a long-running study would have it optimized, so
/// fully optimizing from the start measures the steady state.
/// </summary>
public sealed class StudyJobConfig : ManualConfig
{
    public StudyJobConfig() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithIterationCount(30)
        .WithInvocationCount(StudyAskTellBenchmarks.InvocationsPerIteration)
        .WithUnrollFactor(1)
        .WithEnvironmentVariable("DOTNET_TieredCompilation", "0"));
}
