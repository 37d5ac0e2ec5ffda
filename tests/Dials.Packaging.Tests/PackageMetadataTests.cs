using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dials.Packaging.Tests;

/// <summary>
/// Every package the README's pack command makes is complete as a feed shows it: a real description, the MIT license
/// (declared and shipped as a file), a readme whose links all work from a package page (absolute), authors, tags and
/// the repository address; and each depends only on what it needs.
/// </summary>
public sealed partial class InstallTests
{
    /// <summary>The address the analyzers' help links use (src/Dials.Generators/Diagnostics/HelpLinks.cs).</summary>
    private const string Repository = "https://github.com/dials-dotnet/dials";

    [Fact]
    public void Every_package_has_complete_metadata_and_a_readme_without_relative_links()
    {
        foreach (var (id, file) in packed.Packages)
        {
            using var zip = ZipFile.OpenRead(file);
            var metadata = Metadata(zip);
            string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value.Trim() ?? "";

            Assert.False(Value("description") is "" or "Package Description", $"{id}: description '{Value("description")}'");
            Assert.Equal("The Dials contributors", Value("authors"));
            Assert.False(Value("tags").Length == 0, $"{id}: no tags");
            Assert.Equal(Repository, Value("projectUrl"));
            Assert.Equal(Repository, metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
            Assert.Contains("MIT License", Entry(zip, "LICENSE"), StringComparison.Ordinal);

            var readme = Entry(zip, Value("readme"));
            Assert.StartsWith("# " + id, readme, StringComparison.Ordinal);
            var relative = Links(readme).Where(link => !link.StartsWith("https://", StringComparison.Ordinal)).ToList();
            Assert.True(relative.Count == 0, $"{id}: relative links in its readme: {string.Join(", ", relative)}");
        }
    }

    [Fact]
    public void Binding_options_brings_no_database_driver_and_no_reporting()
    {
        using var zip = ZipFile.OpenRead(packed.Packages["Dials.Options"]);
        var dependencies = Metadata(zip).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();

        Assert.Contains("Dials", dependencies);
        Assert.All(dependencies, id => Assert.True(id == "Dials" || id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal), id));
    }

    private static XElement Metadata(ZipArchive zip)
    {
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Entry(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path);
        Assert.True(entry is not null, $"{path} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The targets of Markdown links and images and of HTML <c>href</c>/<c>src</c> attributes.</summary>
    private static IEnumerable<string> Links(string markdown) =>
        MarkdownLink().Matches(markdown).Select(m => m.Groups[1].Value)
            .Concat(HtmlLink().Matches(markdown).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"\]\(\s*<?([^)\s>]+)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:href|src)\s*=\s*[""']([^""']+)")]
    private static partial Regex HtmlLink();
}
