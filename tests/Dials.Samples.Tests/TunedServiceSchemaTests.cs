using System.Reflection;
using NJsonSchema;

namespace Dials.Samples.Tests;

/// <summary>samples/TunedService's appsettings.json against the configuration schema its build writes.</summary>
public sealed class TunedServiceSchemaTests
{
    [Fact]
    public async Task The_sample_services_appsettings_passes_its_own_schema()
    {
        // TunedService's assembly and appsettings.json are copied here by the project reference.
        var schema = await JsonSchema.FromJsonAsync(typeof(TunedService.RankingOptions).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Dials.ConfigurationSchema").Value!);
        var settings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));

        Assert.Contains("\"Ranking\"", settings);
        Assert.Empty(schema.Validate(settings));
    }
}
