using Dials.Samplers;
using Microsoft.Extensions.Logging;

namespace Dials.Options.Tests;

/// <summary>OptimizeAsync's progress through an ILogger: the hosted study's per-trial message, once per trial.</summary>
public sealed class LoggingProgressTests
{
    [Fact]
    public async Task Every_finished_trial_is_logged_with_the_hosted_study_message_and_its_progress()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var study = Study.Create(TrainingOptions.SearchSpace, new StudyOptions { Name = "bowl", Sampler = new RandomSampler(3) });

        await study.OptimizeAsync(config => Math.Log10(config.LearningRate), new LoggingProgress(factory.CreateLogger("tuning"), study.Name),
            trials: 4, parallelism: 2);

        var messages = logs.Messages.ToArray();
        Assert.Equal(4, messages.Count(m => m.StartsWith("Trial ", StringComparison.Ordinal)
                                            && m.Contains(" of 'bowl' finished complete with ", StringComparison.Ordinal)
                                            && m.EndsWith("; proposed by random.", StringComparison.Ordinal)));
        Assert.Equal(4, messages.Count(m => m.StartsWith("Study 'bowl': ", StringComparison.Ordinal)));
        Assert.Contains("Study 'bowl': 4 trials finished of 4; best ", messages[^1], StringComparison.Ordinal);
    }
}
