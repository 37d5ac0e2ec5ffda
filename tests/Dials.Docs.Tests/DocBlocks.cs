using System.Text.RegularExpressions;

namespace Dials.Docs.Tests;

/// <summary>
/// Finds the C# blocks of the documentation: every block fenced as <c>csharp</c>, <c>cs</c> or <c>c#</c> in README.md
/// and in every Markdown file under docs/. A block is compiled whole (<see cref="Program"/>) unless the line right
/// before its opening fence is a snippet marker, <c>&lt;!-- snippet: NAME --&gt;</c>, naming the harness it is compiled
/// in (docs/README.md lists them).
/// </summary>
internal static partial class DocBlocks
{
    /// <summary>The default: the block is a whole Program.cs (usings, top-level statements, types).</summary>
    public const string Program = "program";

    /// <summary>The block is a Program.cs beside the harness's <c>TrainingConfig</c> and placeholders.</summary>
    public const string Training = "training";

    /// <summary>The block is the members of a <c>[Hyperparameters]</c> record.</summary>
    public const string Members = "members";

    /// <summary>The block is type declarations, with <c>using Dials;</c>.</summary>
    public const string Declarations = "declarations";

    /// <summary>Every harness a marker may name.</summary>
    public static IReadOnlySet<string> Harnesses { get; } = new HashSet<string>(StringComparer.Ordinal) { Program, Training, Members, Declarations };

    /// <summary>The Markdown files whose C# blocks must compile, relative to the root, in a stable order.</summary>
    public static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Prepend("README.md");

    /// <summary>Every C# block of the documentation.</summary>
    public static IReadOnlyList<DocBlock> All(string root) =>
        [.. Files(root).SelectMany(file => Read(file, File.ReadAllText(Path.Combine(root, file))))];

    /// <summary>The C# blocks of one Markdown text.</summary>
    /// <param name="file">The file's name, for the blocks' locations.</param>
    /// <param name="markdown">Its text.</param>
    /// <exception cref="FormatException">A C# block is not closed.</exception>
    public static IEnumerable<DocBlock> Read(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            // Any fenced block is skipped whole, so a C# fence shown inside another block is not read as one.
            var fence = open.Groups["fence"].Value;
            var end = i + 1;
            while (end < lines.Length && !IsClosing(lines[end], fence))
            {
                end++;
            }

            if (IsCSharp(open.Groups["info"].Value))
            {
                if (end == lines.Length)
                {
                    throw new FormatException($"{file}:{i + 1}: the C# block is never closed.");
                }

                var marker = i > 0 ? Marker().Match(lines[i - 1]) : Match.Empty;
                var harness = marker.Success ? marker.Groups["name"].Value : Program;
                yield return new DocBlock(file, i + 2, harness, string.Join('\n', lines[(i + 1)..end]));
            }

            i = end;
        }
    }

    private static bool IsCSharp(string info) =>
        info.Split(' ', 2)[0].ToLowerInvariant() is "csharp" or "cs" or "c#";

    private static bool IsClosing(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*?)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<name>[\w-]+)\s*-->\s*$")]
    private static partial Regex Marker();
}
