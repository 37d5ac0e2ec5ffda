namespace Dials.Docs.Tests;

/// <summary>One fenced C# block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the block's first code line (the one after the opening fence).</param>
/// <param name="Harness">What the block is compiled in: <see cref="DocBlocks.Program"/> unless a snippet marker names
/// another.</param>
/// <param name="Code">The code between the fences.</param>
internal sealed record DocBlock(string File, int Line, string Harness, string Code)
{
    /// <summary>Where the block is, as a reader finds it: <c>README.md:75</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}
