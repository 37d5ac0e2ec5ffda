namespace Dials.Packaging.Tests;

/// <summary>A throw-away folder holding a local package feed, with a version of its own for what is packed into it so
/// NuGet's global cache never serves an older build of the same number.</summary>
internal sealed class LocalFeed : IDisposable
{
    public LocalFeed(string prefix)
    {
        Work = Directory.CreateTempSubdirectory(prefix).FullName;
        Feed = Path.Combine(Work, "feed");
    }

    /// <summary>The folder; the feed and anything a test makes live below it.</summary>
    public string Work { get; }

    /// <summary>The feed folder packages are packed into.</summary>
    public string Feed { get; }

    public string Version { get; } = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    /// <summary>Packs a project of the repository (Release, this feed's version) into the feed, asserting it packs.</summary>
    /// <param name="project">The project's path from the repository root.</param>
    /// <remarks>Only the package gets the feed's version: a new assembly version would recompile the project and its
    /// analyzers for every feed, where the package version alone lets each pack after the first reuse the Release build.</remarks>
    public void Pack(string project)
    {
        var (exit, output) = DotnetCli.Run(Dials.Testing.RepositoryRoot.Path,
            "pack", project, "-c", "Release", "-o", Feed, $"-p:PackageVersion={Version}");
        Assert.True(exit == 0, output);
    }

    /// <summary>A project folder under <see cref="Work"/> (<c>consumer</c>) that references <paramref name="package"/> from
    /// this feed, as a user's project would after <c>dotnet add package</c>.</summary>
    /// <param name="package">The package referenced, at this feed's version.</param>
    /// <param name="properties">More MSBuild properties, one element a line (<c>&lt;OutputType&gt;Exe&lt;/OutputType&gt;</c>).</param>
    /// <param name="onlyThisFeed">Restore from this feed alone (a package whose dependencies are all here), or from it
    /// beside the machine's own sources (a package that brings Microsoft.Extensions along).</param>
    public string CreateConsumer(string package = "Dials", string properties = "", bool onlyThisFeed = true)
    {
        var consumer = Path.Combine(Work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
            {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {(onlyThisFeed ? "<clear />" : "")}
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    public void Dispose() => Directory.Delete(Work, recursive: true);
}
