using Microsoft.Extensions.Options;

namespace TunedService;

/// <summary>The "service": every few seconds it scores with the current options, as IOptionsMonitor gives them, so
/// tuned values show up live as the study finds better ones.</summary>
public sealed class RankingWorker(IOptionsMonitor<RankingOptions> options, ILogger<RankingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changes = options.OnChange(current => logger.LogInformation("Ranking options changed: {Options}", current));
        logger.LogInformation("Serving with {Options}", options.CurrentValue);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            logger.LogInformation("Serving with {Options}", options.CurrentValue);
        }
    }
}
