namespace Dials.Packaging.Tests;

/// <summary>Tests that run dotnet builds of the repository's projects share obj folders, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuilds
{
    public const string Name = "dotnet builds";
}
