using Dials.Generators.Analyzers;
using Dials.Testing;

namespace Dials.Analyzers.Tests;

public class DescriptorTests
{
    public static TheoryData<string> Ids => new(AnalyzerDiagnostics.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_has_a_help_page_and_is_release_tracked(string id)
    {
        var descriptor = AnalyzerDiagnostics.All.Single(d => d.Id == id);
        Assert.Matches("^DIALS1[0-9][0-9]$", id);
        Assert.Equal($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, descriptor.HelpLinkUri));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page);

        var releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Dials.Generators/AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases);
    }

    [Fact]
    public void Rule_ids_are_distinct() =>
        Assert.Equal(AnalyzerDiagnostics.All.Length, AnalyzerDiagnostics.All.Select(d => d.Id).Distinct().Count());
}
