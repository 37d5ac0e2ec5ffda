namespace Dials.Packaging.Tests;

/// <summary>
/// The README's Install section works as written: its pack command makes every package, its <c>dotnet add package</c>
/// commands give a fresh project each package it names, and its <c>dotnet tool install</c> command installs the
/// <c>dials</c> tool, which runs on a stored study.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed partial class InstallTests(PackedFeed packed) : IClassFixture<PackedFeed>
{
    private LocalFeed Feed => packed.Local;

    [Fact]
    public void The_pack_command_makes_every_package()
    {
        Assert.Equal(
            ["Dials", "Dials.Analysis", "Dials.Cli", "Dials.ML", "Dials.Options", "Dials.Reporting", "Dials.Storage.Postgres", "Dials.Storage.Sql", "Dials.Storage.Sqlite"],
            packed.Packages.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_fresh_project_gets_the_packages_the_readme_adds()
    {
        var consumer = Path.Combine(Feed.Work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using Dials;
            using Dials.Options;
            using Dials.Storage.Sqlite;

            SqliteStorageOpener.Register();
            var storage = StorageSpec.Open("sqlite:" + Path.Combine(AppContext.BaseDirectory, "studies.db"));
            var report = typeof(Dials.Reporting.Html.HtmlReport).Assembly.GetName().Name;
            Console.WriteLine($"{Config.SearchSpace.Dimensions.Count} dimensions; {storage.GetType().Name}; {report}");

            [Hyperparameters]
            public partial record Config
            {
                [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;
            }
            """);

        var adds = ReadmeInstall.All("dotnet add package");
        Assert.Contains(adds, add => add.StartsWith("dotnet add package Dials ", StringComparison.Ordinal));
        foreach (var add in adds)
        {
            var (exit, output) = DotnetCli.Run(consumer, ReadmeInstall.Adapt(add, Feed));
            Assert.True(exit == 0, add + "\n" + output);
        }

        var (runExit, runOutput) = DotnetCli.Run(consumer, "run");
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("1 dimensions; SqliteStorage; Dials.Reporting", runOutput);
    }

    [Fact]
    public void The_tool_installs_as_dials_and_lists_a_stored_study()
    {
        var tools = Path.Combine(Feed.Work, "tools");
        var install = ReadmeInstall.Single("dotnet tool install");
        var (installExit, installOutput) = DotnetCli.Run(Feed.Work, ReadmeInstall.Adapt(install, Feed, tools));
        Assert.True(installExit == 0, installOutput);

        var dials = Path.Combine(tools, "dials");
        var help = ReadmeInstall.Single("dials ").Split(' ')[1..];
        var (helpExit, helpOutput) = DotnetCli.RunProgram(dials, Feed.Work, help);
        Assert.True(helpExit == 0, helpOutput);
        Assert.Contains("dials", helpOutput);

        // A journal as the tuner writes it (this project references no Dials code: it tests the package alone).
        var journal = Path.Combine(Feed.Work, "studies.jsonl");
        File.WriteAllLines(journal,
        [
            """{"op":"study","study":"packaged","direction":"Maximize","space":"x: float in [0, 1]"}""",
            """{"op":"trial","study":"packaged","n":0,"at":"2026-01-01T00:00:00+00:00"}""",
            """{"op":"point","study":"packaged","n":0,"point":[0.25]}""",
            """{"op":"finish","study":"packaged","n":0,"state":"Complete","value":0.75,"ticks":10000000}""",
        ]);
        var (runExit, runOutput) = DotnetCli.RunProgram(dials, Feed.Work, "studies", "--storage", "journal:" + journal);
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("packaged", runOutput);
        Assert.Contains("Maximize", runOutput);
        Assert.Contains("0.75", runOutput);
    }
}
