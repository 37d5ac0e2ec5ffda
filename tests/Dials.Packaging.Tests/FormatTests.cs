using System.IO.Compression;

namespace Dials.Packaging.Tests;

/// <summary>
/// <c>dotnet format analyzers --severity info</c>, without naming any diagnostic, fixes every analyzer diagnostic of a
/// project that references the Dials package, the declaration errors (DIALS001, DIALS016) included: each code fix's Fix
/// All runs as dotnet format asks for it.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class FormatTests : IDisposable
{
    private readonly LocalFeed feed = new("dials-format-");

    [Fact]
    public void Dotnet_format_fixes_every_analyzer_diagnostic_of_a_project_referencing_the_package()
    {
        feed.Pack("src/Dials/Dials.csproj");
        AssertHelpPagesShipped();

        var consumer = CreateConsumer();
        File.WriteAllText(Path.Combine(consumer, "Model.cs"), """
            using Dials;

            namespace Consumer;

            [Hyperparameters]
            public partial record Model
            {
                [FloatRange(1e-4, 10, Log = true)] public double LearningRate { get; init; } = 1e-2;
                [FloatRange(1e-5, 3, Log = true)] public double HeadLr { get; init; } = 1e-3;
                [FloatRange(1, 10000)] public double Scale { get; init; } = 5;
                [IntRange(10, 100)] public int BatchSize { get; init; } = 50;
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "Data.cs"), """
            using Dials;

            namespace Consumer;

            [Hyperparameters]
            public partial record Data
            {
                [FloatRange(0.01, 100)] public double Strength { get; init; } = 1;
                [IntRange(16, 256)] public int EvalBatchSize { get; init; } = 64;
            }
            """);

        // Declaration errors: they come from an analyzer, so dotnet format sees and fixes them too.
        const string declarations = """
            using Dials;

            namespace Consumer;

            [Hyperparameters]
            public record Warmup
            {
                [Choice("linear", "constant")] public string Shape { get; init; } = "linear";
            }

            [Hyperparameters]
            public partial record Schedule
            {
                [Choice("cosine", "step")] public string Decay { get; init; } = "exponential";
            }
            """;
        File.WriteAllText(Path.Combine(consumer, "Schedule.cs"), declarations);

        var (exit, output) = DotnetCli.Run(consumer, "format", "analyzers", "--severity", "info", "--verbosity", "diagnostic");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Unable to fix DIALS", output);
        Assert.Equal("""
            using Dials;

            namespace Consumer;

            [Hyperparameters]
            public partial record Model
            {
                [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-2;
                [FloatRange(1e-5, 1, Log = true)] public double HeadLr { get; init; } = 1e-3;
                [FloatRange(1, 10000, Log = true)] public double Scale { get; init; } = 5;
                [PowerOfTwo(8, 128)] public int BatchSize { get; init; } = 64;
            }
            """, File.ReadAllText(Path.Combine(consumer, "Model.cs")));
        Assert.Equal("""
            using Dials;

            namespace Consumer;

            [Hyperparameters]
            public partial record Data
            {
                [FloatRange(0.01, 100, Log = true)] public double Strength { get; init; } = 1;
                [PowerOfTwo(16, 256)] public int EvalBatchSize { get; init; } = 64;
            }
            """, File.ReadAllText(Path.Combine(consumer, "Data.cs")));

        Assert.Equal(declarations
                .Replace("public record Warmup", "public partial record Warmup", StringComparison.Ordinal)
                .Replace("= \"exponential\";", "= \"cosine\";", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(consumer, "Schedule.cs")));

        // Nothing fixable is left: a second run would change nothing.
        var (verifyExit, verifyOutput) = DotnetCli.Run(consumer, "format", "analyzers", "--severity", "info", "--verify-no-changes");
        Assert.True(verifyExit == 0, verifyOutput);
    }

    public void Dispose() => feed.Dispose();

    /// <summary>Every help page of the repository is in the package, beside the analyzers whose links point at it.</summary>
    private void AssertHelpPagesShipped()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Dials.{feed.Version}.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(Dials.Testing.RepositoryRoot.Path, "docs/diagnostics"), "*.md");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            Assert.Contains("docs/diagnostics/" + Path.GetFileName(page), entries);
        }

        Assert.Contains("docs/analyzers.md", entries);
    }

    private string CreateConsumer() => feed.CreateConsumer();
}
