using System.Reflection;

namespace Dials.Options.Tests;

/// <summary>
/// The configuration schema in a real editor's JSON service: VS Code's JSON language server, given an appsettings.json
/// whose <c>$schema</c> names the file the build writes, reports bad values and completes keys and kinds.
/// </summary>
public sealed class JsonLanguageServerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-jsonls-").FullName;

    [Fact]
    public async Task Bad_values_get_diagnostics_and_kinds_and_keys_complete_with_their_descriptions()
    {
        File.WriteAllText(Path.Combine(directory, "Dials.ConfigurationSchema.json"),
            typeof(JsonLanguageServerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Dials.ConfigurationSchema").Value);
        var settings = Path.Combine(directory, "appsettings.json");
        var text = """
            {
              "$schema": "./Dials.ConfigurationSchema.json",
              "Training": { "LearningRate": 5, "Optimizer": "Adam",  },
              "Tuning": { "Sampler": { "Kind": "Bayes" } }
            }
            """;
        File.WriteAllText(settings, text);
        await using var server = await JsonLanguageServer.StartAsync(directory);

        server.Open(settings, text);

        var diagnostics = await server.DiagnosticsAsync(settings);
        var messages = diagnostics.Select(d => ((int)d!["range"]!["start"]!["line"]!, (string)d["message"]!)).ToList();
        Assert.Contains((2, "Value is above the maximum of 0.1."), messages);
        Assert.Contains((2, "Value is not accepted. Valid values: \"Sgd\", \"AdamW\"."), messages);
        Assert.Contains((3, "Value is not accepted. Valid values: \"auto\", \"tpe\", \"tpe-uni\", \"gp\", \"random\", \"grid\", \"qmc\", \"cmaes\", \"cmaes-ipop\", \"nsga2\"."), messages);

        // After "Kind": (line 3) the kinds; in the Training object (after its last comma) its other keys.
        var kinds = await server.CompleteAsync(settings, 3, text.Split('\n')[3].IndexOf("\"Bayes\"", StringComparison.Ordinal));
        Assert.Equal(Dials.Catalogs.SamplerCatalog.All.Names.Select(n => $"\"{n}\""), kinds.Select(k => k.Label));
        var keys = await server.CompleteAsync(settings, 2, text.Split('\n')[2].IndexOf("\"Adam\",", StringComparison.Ordinal) + "\"Adam\", ".Length);
        var batch = Assert.Single(keys, k => k.Label == "BatchSize");
        Assert.Contains("A power of two from 16 to 512.", batch.Documentation);
        Assert.Contains(keys, k => k.Label == "Warmup");
        Assert.DoesNotContain(keys, k => k.Label == "LearningRate"); // Already there.
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
