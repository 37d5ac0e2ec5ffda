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

    public void Dispose() => Directory.Delete(Work, recursive: true);
}
