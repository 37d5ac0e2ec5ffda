using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dials.Generators.Analyzers;
using Dials.Generators.Diagnostics;
using Dials.Testing;
using Microsoft.CodeAnalysis;

namespace Dials.Analyzers.Tests;

public class DescriptorTests
{
    /// <summary>Every diagnostic Dials reports, from its one registry: the declaration analyzer's (DIALS0xx) and the
    /// values analyzer's (DIALS1xx).</summary>
    private static readonly DiagnosticDescriptor[] Every = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToArray();

    public static TheoryData<string> Ids => new(DiagnosticDescriptors.AnalyzerRules.Select(d => d.Id));

    public static TheoryData<string> DeclarationIds => new(DiagnosticDescriptors.DeclarationRules.Select(d => d.Id));

    public static TheoryData<string> EveryId => new(Every.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_is_release_tracked(string id)
    {
        var descriptor = DiagnosticDescriptors.AnalyzerRules.Single(d => d.Id == id);
        Assert.Matches("^DIALS1[0-9][0-9]$", id);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", File.ReadAllText(PagePath(id)));

        var releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Dials.Generators/AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", releases);
    }

    /// <summary>The declaration errors are an analyzer's rules too, tracked with the same table and category.</summary>
    [Theory]
    [MemberData(nameof(DeclarationIds))]
    public void Every_declaration_error_is_release_tracked(string id)
    {
        var descriptor = DiagnosticDescriptors.DeclarationRules.Single(d => d.Id == id);
        Assert.Matches("^DIALS0[0-9][0-9]$", id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);

        var releases = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/Dials.Generators/AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases);
    }

    [Theory]
    [MemberData(nameof(EveryId))]
    public void Every_diagnostic_links_to_its_page_by_an_absolute_address(string id)
    {
        var descriptor = Every.Single(d => d.Id == id);

        // Absolute, so the link works where the package is used, and it names the page this repository holds for the ID.
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), descriptor.HelpLinkUri);
        Assert.Equal(Uri.UriSchemeHttps, link!.Scheme);
        Assert.Equal(HelpLinks.Root + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", link.AbsolutePath, StringComparison.Ordinal);

        Assert.True(File.Exists(PagePath(id)), $"docs/diagnostics/{id}.md is missing");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(PagePath(id)));
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(PagePath("README")));
    }

    [Fact]
    public void Every_id_has_one_descriptor_and_each_analyzer_reports_exactly_its_own()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(ids.Order(), Every.Select(d => d.Id).Order());
        Assert.Equal(Every.Select(d => d.Id).Where(id => id.StartsWith("DIALS1", StringComparison.Ordinal)).Order(),
            new HyperparameterValuesAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order());
        Assert.Equal(Every.Select(d => d.Id).Where(id => id.StartsWith("DIALS0", StringComparison.Ordinal)).Order(),
            new DeclarationAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Every_page_belongs_to_a_diagnostic() =>
        Assert.Equal(
            Every.Select(d => d.Id).Order(),
            Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs/diagnostics"), "DIALS*.md").Select(Path.GetFileNameWithoutExtension).Order());

    [Fact]
    public void Help_links_live_under_the_declared_repository_address()
    {
        // The links are compiled into the analyzers; once the packages declare where the repository lives, they must agree.
        var declared = new[] { "Directory.Build.props", "src/Dials/Dials.csproj" }
            .Select(file => XDocument.Load(Path.Combine(RepositoryRoot.Path, file)))
            .SelectMany(project => project.Descendants("RepositoryUrl").Concat(project.Descendants("PackageProjectUrl")))
            .Select(element => element.Value.Trim().TrimEnd('/'))
            .Where(url => url.Length > 0 && !url.Contains("$(", StringComparison.Ordinal))
            .ToList();
        foreach (var url in declared)
        {
            Assert.StartsWith(Regex.Replace(url, @"\.git$", "") + "/", HelpLinks.Root, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Rule_ids_are_distinct() =>
        Assert.Equal(Every.Length, Every.Select(d => d.Id).Distinct().Count());

    private static string PagePath(string id) => Path.Combine(RepositoryRoot.Path, "docs/diagnostics", id + ".md");
}
