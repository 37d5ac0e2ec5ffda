using System.Text.RegularExpressions;
using Dials.Testing;

namespace Dials.Docs.Tests;

/// <summary>README.md's Layout table matches the tree: every project of the solution has its row, and every row names
/// a folder that exists, so the table a newcomer reads first cannot drift from the repository.</summary>
public sealed partial class ReadmeLayoutTests
{
    [Fact]
    public void Every_project_of_the_solution_has_a_row_and_every_row_exists()
    {
        var rows = LayoutRows();
        var projects = ProjectFolders();

        Assert.Equal([], projects.Except(rows));
        Assert.Equal([], rows.Where(row => !Directory.Exists(Path.Combine(RepositoryRoot.Path, row))));
    }

    [Fact]
    public void Every_source_project_is_in_the_dependency_tables_or_ships_inside_another()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var packaged = ProjectFolders().Where(folder => folder.StartsWith("src/", StringComparison.Ordinal)).Select(Path.GetFileName);

        // The generator and the code fixes ship inside the Dials package; the simulator inside the dials tool.
        string[] inside = ["Dials.Generators", "Dials.CodeFixes", "Dials.Simulation"];
        Assert.Equal([], packaged.Except(inside).Where(name => !readme.Contains($"| `{name}` |", StringComparison.Ordinal)));
    }

    /// <summary>The first column of the table under "## Layout", trailing slashes dropped.</summary>
    private static List<string> LayoutRows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Layout\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Layout' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. Row().Matches(section).Select(m => m.Groups[1].Value.TrimEnd('/'))];
    }

    /// <summary>The folder of every project Config.sln lists, relative to the repository, with forward slashes.</summary>
    private static List<string> ProjectFolders()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Config.sln"));
        return [.. Project().Matches(solution).Select(m => Path.GetDirectoryName(m.Groups[1].Value.Replace('\\', '/'))!.Replace('\\', '/'))];
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"""([^""]+\.csproj)""")]
    private static partial Regex Project();
}
