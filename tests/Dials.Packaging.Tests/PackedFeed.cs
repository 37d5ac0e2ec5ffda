namespace Dials.Packaging.Tests;

/// <summary>Every package, packed once per test class by the README's own pack command into a local feed.</summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        var (exit, output) = DotnetCli.Run(Dials.Testing.RepositoryRoot.Path, ReadmeInstall.Adapt(ReadmeInstall.Single("dotnet pack"), Local));
        Assert.True(exit == 0, output);
    }

    internal LocalFeed Local { get; } = new("dials-install-");

    /// <summary>The packages the feed holds, by id.</summary>
    public IReadOnlyDictionary<string, string> Packages =>
        Directory.GetFiles(Local.Feed, "*.nupkg").ToDictionary(
            file => Path.GetFileName(file)[..^$".{Local.Version}.nupkg".Length],
            file => file);

    public void Dispose() => Local.Dispose();
}
