using System.IO.Compression;

namespace Dials.Packaging.Tests;

/// <summary>
/// The Dials package is all a user needs: a fresh console project that references only it (from a local folder feed)
/// gets the attributes, the generated search space and the declaration diagnostics.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly LocalFeed feed = new("dials-package-");

    [Fact]
    public void A_fresh_project_referencing_only_the_package_gets_generated_code_and_diagnostics()
    {
        feed.Pack("src/Dials/Dials.csproj");

        var package = Path.Combine(feed.Feed, $"Dials.{feed.Version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/Dials.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Dials.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Dials.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Dials.Generators.dll", StringComparison.Ordinal));
        }

        var consumer = CreateConsumer("""
            using Dials;
            var space = Config.SearchSpace;
            var config = space.Decode([0.01, 2]);
            Console.WriteLine($"{space.Dimensions.Count} dimensions; decoded {config.LearningRate} {config.Kind}; errors {space.Validate(config with { LearningRate = 9 }).Count}");

            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;
                [Choice("a", "b", "c")] public string Kind { get; init; } = "a";
            }
            """);
        var (runExit, runOutput) = DotnetCli.Run(consumer, "run");
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("2 dimensions; decoded 0.01 c; errors 1", runOutput);

        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using Dials;
            [Hyperparameters]
            public partial record Broken { [IntRange(10, 1)] public int Layers { get; init; } = 2; }
            """);
        var (buildExit, buildOutput) = DotnetCli.Run(consumer, "build");
        Assert.NotEqual(0, buildExit);
        Assert.Contains("error DIALS003", buildOutput);
    }

    public void Dispose() => feed.Dispose();

    private string CreateConsumer(string program)
    {
        var consumer = feed.CreateConsumer(properties: "<OutputType>Exe</OutputType><ImplicitUsings>enable</ImplicitUsings><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), program);
        return consumer;
    }
}
