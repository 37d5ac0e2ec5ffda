namespace Dials.Packaging.Tests;

/// <summary>
/// The <c>dials</c> command ships as a .NET tool: packed from src/Dials.Cli, installed from a local folder feed into a
/// tool path the way <c>dotnet tool install</c> does for users, and run as <c>dials</c> on a stored study.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly LocalFeed feed = new("dials-tool-");

    [Fact]
    public void The_tool_installs_from_its_package_and_lists_a_stored_study()
    {
        feed.Pack("src/Dials.Cli/Dials.Cli.csproj");

        var work = feed.Work;
        var tools = Path.Combine(work, "tools");
        var (installExit, installOutput) = DotnetCli.Run(work,
            "tool", "install", "Dials.Cli", "--tool-path", tools, "--version", feed.Version, "--add-source", feed.Feed, "--ignore-failed-sources");
        Assert.True(installExit == 0, installOutput);

        // A journal as the tuner writes it (this project references no Dials code: it tests the package alone).
        var journal = Path.Combine(work, "studies.jsonl");
        File.WriteAllLines(journal,
        [
            """{"op":"study","study":"packaged","direction":"Maximize","space":"x: float in [0, 1]"}""",
            """{"op":"trial","study":"packaged","n":0,"at":"2026-01-01T00:00:00+00:00"}""",
            """{"op":"point","study":"packaged","n":0,"point":[0.25]}""",
            """{"op":"finish","study":"packaged","n":0,"state":"Complete","value":0.75,"ticks":10000000}""",
        ]);

        var (runExit, runOutput) = DotnetCli.RunProgram(Path.Combine(tools, "dials"), work, "studies", "--storage", "journal:" + journal);

        Assert.True(runExit == 0, runOutput);
        Assert.Contains("packaged", runOutput);
        Assert.Contains("Maximize", runOutput);
        Assert.Contains("0.75", runOutput);
    }

    public void Dispose() => feed.Dispose();
}
