using Dials.Testing;

namespace Dials.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/ compiles as printed (or inside the harness its snippet marker names), so a
/// newcomer who pastes an example gets a program, not a list of errors.
/// </summary>
public sealed class DocsExamplesTests
{
    private static readonly string Harness = Path.Combine(RepositoryRoot.Path, "tests", "Dials.Docs.Tests", "Harness");

    [Fact]
    public async Task Every_csharp_block_of_the_docs_compiles()
    {
        var blocks = DocBlocks.All(RepositoryRoot.Path);
        Assert.Contains(blocks, block => block.File == "README.md");
        Assert.Contains(blocks, block => block.File.StartsWith("docs/diagnostics/", StringComparison.Ordinal));

        var problems = await DocsCompiler.ProblemsAsync(blocks, Harness);

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the docs' C# blocks:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void The_training_harness_declares_the_types_of_the_readme_quick_example()
    {
        // The blocks compiled with the harness's TrainingConfig must mean README's, not a look-alike that drifted.
        var quick = DocBlocks.All(RepositoryRoot.Path).First(block => block.File == "README.md" && block.Code.Contains("partial record TrainingConfig", StringComparison.Ordinal));
        var harness = File.ReadAllText(Path.Combine(Harness, "TrainingConfig.cs")).ReplaceLineEndings("\n");

        var types = harness[harness.IndexOf("public enum", StringComparison.Ordinal)..].TrimEnd();

        Assert.EndsWith(types, quick.Code.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_that_does_not_compile_is_reported_at_its_file_and_line()
    {
        const string markdown = """
            # Page

            ```csharp
            using Dials;

            Console.WriteLine(TrainingConfig.SearchSpace);
            ```
            """;

        var problems = await DocsCompiler.ProblemsAsync([.. DocBlocks.Read("docs/page.md", markdown)], Harness);

        Assert.Equal("docs/page.md:6: CS0103", Assert.Single(problems)[..22]);
    }

    [Fact]
    public async Task A_snippet_compiles_in_its_harness_and_must_show_the_diagnostics_its_comments_name()
    {
        const string markdown = """
            <!-- snippet: training -->
            ```cs
            using Dials;

            Console.WriteLine(TrainingConfig.SearchSpace.Default with { Epochs = 10 });
            ```

            <!-- snippet: members -->
            ```c#
            [IntRange(128, 64)] public int Width { get; init; } = 64;   // DIALS003
            [IntRange(1, 8)] public int Depth { get; init; } = 2;        // DIALS003
            ```
            """;

        var blocks = DocBlocks.Read("docs/page.md", markdown).ToList();
        var problems = await DocsCompiler.ProblemsAsync(blocks, Harness);

        Assert.Equal([DocBlocks.Training, DocBlocks.Members], blocks.Select(block => block.Harness));
        Assert.Equal(["docs/page.md:11: DIALS003 is named in a comment but not reported on that line"], problems);
    }

    [Fact]
    public void Only_csharp_blocks_are_read_with_their_markers_and_first_code_line()
    {
        const string markdown = """
            ```text
            ```csharp
            not C#: shown inside an output listing
            ```

            <!-- snippet: members -->
            ```csharp
            public int A { get; init; }
            ```
            ```bash
            dotnet test
            ```
            """;

        var block = Assert.Single(DocBlocks.Read("x.md", markdown));

        Assert.Equal(new DocBlock("x.md", 8, DocBlocks.Members, "public int A { get; init; }"), block);
    }

    [Fact]
    public async Task An_unknown_harness_is_a_problem()
    {
        var block = new DocBlock("x.md", 2, "no-such-harness", "int x = 1;");

        var problem = Assert.Single(await DocsCompiler.ProblemsAsync([block], Harness));

        Assert.StartsWith("x.md:2: unknown snippet harness 'no-such-harness'", problem);
    }
}
