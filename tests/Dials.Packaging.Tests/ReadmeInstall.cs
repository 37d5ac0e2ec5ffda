using System.Text.RegularExpressions;

namespace Dials.Packaging.Tests;

/// <summary>
/// The commands of the README's Install section, as a user types them, and the one change each needs to run in a test:
/// the feed folder is this test's own, every package gets the feed's version (so NuGet's global cache never serves an
/// older build of the same number), and the tool goes to a private tool path instead of the machine's global tools.
/// </summary>
internal static partial class ReadmeInstall
{
    /// <summary>The command lines of the section's <c>bash</c> blocks (comments and <c>git</c>/<c>cd</c> lines left out:
    /// the test already runs in a checkout).</summary>
    public static IReadOnlyList<string> Commands()
    {
        var readme = File.ReadAllText(Path.Combine(Dials.Testing.RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("\n## Install\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Install' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. BashBlock().Matches(section)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("dotnet ", StringComparison.Ordinal) || line.StartsWith("dials ", StringComparison.Ordinal))];
    }

    /// <summary>The one command that starts with <paramref name="prefix"/>.</summary>
    public static string Single(string prefix) =>
        Assert.Single(Commands(), command => command.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Every command that starts with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> All(string prefix) =>
        [.. Commands().Where(command => command.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>The arguments of a <c>dotnet</c> command (without <c>dotnet</c>), adapted for <paramref name="feed"/>:
    /// the README's feed folders become the test's feed, <c>pack</c> gets the feed's version, <c>add package</c> and
    /// <c>tool install</c> ask for it, and <c>--global</c> becomes <c>--tool-path</c> <paramref name="toolPath"/>.</summary>
    public static string[] Adapt(string command, LocalFeed feed, string? toolPath = null)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", words[0]);
        var arguments = words.Skip(1)
            .Select(word => word is "./artifacts" or "../dials/artifacts" ? feed.Feed : word)
            .SelectMany(word => word == "--global" ? ["--tool-path", toolPath ?? throw new ArgumentNullException(nameof(toolPath))] : new[] { word })
            .ToList();
        arguments.AddRange(arguments[0] switch
        {
            "pack" => [$"-p:Version={feed.Version}"],
            "add" or "tool" => ["--version", feed.Version],
            _ => [],
        });
        return [.. arguments];
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
