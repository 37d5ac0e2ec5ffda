namespace Dials.Packaging.Tests.Editor;

/// <summary>
/// csharp-ls, the C# language server that installs as a .NET tool (Roslyn and MSBuildWorkspace behind the Language Server
/// Protocol), pinned to the version docs/editor.md describes.
/// </summary>
internal static class CsharpLs
{
    public const string Version = "0.28.0";

    /// <summary>Installs the server into <paramref name="toolPath"/> from the machine's package sources and returns the
    /// path of its executable.</summary>
    /// <param name="workingDirectory">A folder whose NuGet configuration reaches the public feed (not a consumer folder
    /// whose nuget.config names only the local one).</param>
    public static string Install(string toolPath, string workingDirectory)
    {
        var (exit, output) = DotnetCli.Run(workingDirectory, "tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolPath);
        Assert.True(exit == 0, output);
        return Path.Combine(toolPath, "csharp-ls");
    }

    /// <summary>
    /// The <c>csharp</c> settings an editor gives the server so that it runs the analyzers of the project's packages
    /// (off by default in csharp-ls since 0.24: without it only compiler diagnostics are reported).
    /// </summary>
    public static object Settings => new { analyzersEnabled = true };
}
