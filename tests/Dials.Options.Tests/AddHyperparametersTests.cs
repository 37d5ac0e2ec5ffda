using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dials.Options.Tests;

/// <summary>appsettings.json drives hyperparameters through a real host; bad files fail the start naming the key.</summary>
public sealed class AddHyperparametersTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-options-").FullName;

    [Fact]
    public async Task Valid_settings_flow_to_every_options_interface()
    {
        using var host = BuildHost("""
            { "Training": { "LearningRate": 0.01, "BatchSize": 128, "Optimizer": "sgd", "Momentum": 0.95, "Warmup": { "Steps": 300 } } }
            """);
        await host.StartAsync();

        var expected = new TrainingOptions { LearningRate = 0.01, BatchSize = 128, Optimizer = Optimizer.Sgd, Momentum = 0.95, Warmup = new WarmupOptions { Steps = 300 } };
        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<TrainingOptions>>().Value);
        Assert.Equal(expected, host.Services.GetRequiredService<IOptionsMonitor<TrainingOptions>>().CurrentValue);
        using var scope = host.Services.CreateScope();
        Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<TrainingOptions>>().Value);
        await host.StopAsync();
    }

    [Fact]
    public async Task Missing_keys_take_the_defaults()
    {
        using var host = BuildHost("""{ "Training": { } }""");
        await host.StartAsync();
        Assert.Equal(new TrainingOptions(), host.Services.GetRequiredService<IOptions<TrainingOptions>>().Value);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_conditional_key_left_out_takes_its_initializer_when_its_parent_switches_it_on()
    {
        // Momentum (initializer 0.9) is inactive under the default AdamW; naming Sgd without Momentum used to fail with
        // "Momentum = NaN is not a finite number".
        using var host = BuildHost("""{ "Training": { "Optimizer": "Sgd" } }""");
        await host.StartAsync();

        Assert.Equal(new TrainingOptions { Optimizer = Optimizer.Sgd, Momentum = 0.9 }, host.Services.GetRequiredService<IOptions<TrainingOptions>>().Value);
        await host.StopAsync();
    }

    [Fact]
    public void FromValues_gives_a_conditional_dimension_left_out_its_default_too()
    {
        var space = TrainingOptions.SearchSpace;

        var point = space.FromValues(new Dictionary<string, object?> { ["Optimizer"] = Optimizer.Sgd });

        Assert.Equal(0.9, space.Decode(point).Momentum);
    }

    [Theory]
    [InlineData("""{ "LearningRate": 5 }""", "Training:LearningRate = 5 is outside [1E-05, 0.1].")]
    [InlineData("""{ "Dropout": 0.12 }""", "Training:Dropout = 0.12 is off the step grid 0 + k * 0.05.")]
    [InlineData("""{ "BatchSize": 100 }""", "Training:BatchSize = 100 is not a power of two.")]
    [InlineData("""{ "Optimizer": "adam" }""", "Training:Optimizer = \"adam\" is not one of [Sgd, AdamW].")]
    [InlineData("""{ "LearningRate": "fast" }""", "Training:LearningRate = \"fast\" is not a number.")]
    [InlineData("""{ "BatchSize": 64.5 }""", "Training:BatchSize = \"64.5\" is not a whole number.")]
    [InlineData("""{ "Warmup": { "Steps": 150 } }""", "Training:Warmup:Steps = 150 is off the step grid 0 + k * 100.")]
    [InlineData("""{ "LearningRat": 0.01 }""", "Training:LearningRat is not a hyperparameter of TrainingOptions; only its tuned properties are read from configuration.")]
    public async Task Bad_settings_fail_the_start_naming_the_key_and_the_rule(string training, string message)
    {
        using var host = BuildHost($$"""{ "Training": {{training}} }""");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Failures);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        using var host = BuildHost("""{ "Training": { "LearningRate": 5, "BatchSize": 100 } }""");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public async Task Settings_of_an_inactive_dimension_are_ignored()
    {
        using var host = BuildHost("""{ "Training": { "Optimizer": "AdamW", "Momentum": 0.1 } }""");
        await host.StartAsync();
        Assert.Equal(0.9, host.Services.GetRequiredService<IOptions<TrainingOptions>>().Value.Momentum);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_monitor_sees_reloaded_values()
    {
        var path = Write("""{ "Training": { "BatchSize": 32 } }""");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        builder.Services.AddHyperparameters<TrainingOptions>(builder.Configuration.GetSection("Training"));
        using var host = builder.Build();
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<TrainingOptions>>();
        Assert.Equal(32, monitor.CurrentValue.BatchSize);
        var changed = new TaskCompletionSource<TrainingOptions>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(value => changed.TrySetResult(value));

        File.WriteAllText(path, """{ "Training": { "BatchSize": 256 } }""");
        ((IConfigurationRoot)builder.Configuration).Reload();

        Assert.Equal(256, (await changed.Task.WaitAsync(TimeSpan.FromSeconds(30))).BatchSize);
        Assert.Equal(256, monitor.CurrentValue.BatchSize);
        await host.StopAsync();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private IHost BuildHost(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(Write(json), optional: false);
        builder.Services.AddHyperparameters<TrainingOptions>(builder.Configuration.GetSection("Training"));
        return builder.Build();
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
