using System.Diagnostics;
using Dials.Packaging.Tests.Editor;
using Xunit.Abstractions;

namespace Dials.Packaging.Tests;

/// <summary>
/// The Dials package in a real editor's language server: csharp-ls, installed as a .NET tool, loads a project that
/// references the packed package and is driven over the Language Server Protocol as an editor drives it (open a document,
/// edit it, ask for diagnostics and code actions). What csharp-ls 0.28 can and cannot show of the package, and the times
/// this test prints, are in docs/editor.md.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class EditorTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The server loads the project (a design-time build, the package's analyzers) before its first answer; on a
    /// busy two-core machine that has taken well under a minute, so three leave room without hiding a hang.</summary>
    private static readonly TimeSpan FirstDiagnostics = TimeSpan.FromMinutes(3);

    /// <summary>Every later answer, on a loaded project.</summary>
    private static readonly TimeSpan Answer = TimeSpan.FromMinutes(1);

    private readonly LocalFeed feed = new("dials-editor-");

    [Fact]
    public async Task Csharp_ls_reports_the_package_s_diagnostics_declaration_errors_included_as_a_document_is_edited()
    {
        var setup = Stopwatch.StartNew();
        feed.Pack("src/Dials/Dials.csproj");
        var packed = setup.Elapsed;
        var executable = CsharpLs.Install(Path.Combine(feed.Work, "tools"), feed.Work);
        var installed = setup.Elapsed;
        var consumer = CreateConsumer();
        output.WriteLine($"Seconds to pack {packed.TotalSeconds:0.0}, install csharp-ls {(installed - packed).TotalSeconds:0.0}, "
            + $"restore the consumer {(setup.Elapsed - installed).TotalSeconds:0.0}");

        await using var server = LanguageServer.Start(executable, consumer, CsharpLs.Settings);
        await InitializeAsync(server, consumer);

        // Opened with three searches the analyzers flag, each with a Dials code fix, and an unused using (CS8019) whose
        // fix is Roslyn's own. The static property reads the generated SearchSpace: no error there means the package's
        // source generator ran in the server.
        var (document, opened) = await OpenDocument.OpenAsync(server, Path.Combine(consumer, "Model.cs"), Flawed, FirstDiagnostics);
        Assert.Equal(["CS8019@0:0", "DIALS101@8:5", "DIALS102@9:5", "DIALS106@10:5"], LspDiagnostic.Ordered(opened.Diagnostics));

        // Roslyn's own fix for the compiler's CS8019 comes through the same request, and its edit applies as an editor
        // applies it: the code-action path works for this document.
        var removeUsings = Assert.Single(await document.CodeActionsAsync(opened.Diagnostics.Single(d => d.Code == "CS8019"), Answer));
        Assert.Equal("Remove unnecessary usings", removeUsings.GetProperty("title").GetString());
        Assert.Equal(Flawed[(Flawed.IndexOf('\n', StringComparison.Ordinal) + 1)..],
            TextEdits.Apply(document.Text, document.Uri, removeUsings.GetProperty("edit")));

        // None of the package's fixes is offered: csharp-ls 0.28 asks only Roslyn's built-in fix providers, and only about
        // the compiler's diagnostics (docs/editor.md). When a server version offers them, this fails and the docs change.
        foreach (var diagnostic in opened.Diagnostics.Where(d => d.IsDials))
        {
            Assert.Empty(await document.CodeActionsAsync(diagnostic, Answer));
        }

        // An edit as an editor sends it (the changed range only): a learning-rate default of 5 adds DIALS100.
        var rateOfFive = await document.ReplaceAsync(8, "1e-3", "5", Answer);
        Assert.Equal(["CS8019@0:0", "DIALS100@8:83", "DIALS101@8:5", "DIALS102@9:5", "DIALS106@10:5"], LspDiagnostic.Ordered(rateOfFive.Diagnostics));

        // A declaration error: a batch-size default outside its range. DIALS016 comes from the package's declaration
        // analyzer (csharp-ls shows analyzers' diagnostics, not a generator's: docs/editor.md), as an error with its help
        // link, at the default. The generator, which gives no code for a broken type, leaves the use of the SearchSpace
        // it did not generate unresolved (CS0120). The other analyzers' diagnostics stay.
        var outOfRange = await document.ReplaceAsync(10, "50", "500", Answer);
        Assert.Equal(["CS0120@12:36", "CS8019@0:0", "DIALS016@10:62", "DIALS100@8:83", "DIALS101@8:5", "DIALS102@9:5", "DIALS106@10:5"],
            LspDiagnostic.Ordered(outOfRange.Diagnostics));
        var declarationError = outOfRange.Diagnostics.Single(d => d.Code == "DIALS016");
        Assert.Equal(1, declarationError.Severity);
        Assert.EndsWith("/docs/diagnostics/DIALS016.md",
            declarationError.Json.GetProperty("codeDescription").GetProperty("href").GetString(), StringComparison.Ordinal);
        // Its range is the literal, so Roslyn's own refactorings of a number come back ("Introduce constant", "Convert
        // number"), but not the Dials fix ("Move the default into its range (100)"): like the others, it is not offered.
        Assert.DoesNotContain(await document.CodeActionsAsync(declarationError, Answer),
            action => action.GetProperty("title").GetString()!.StartsWith("Move the default", StringComparison.Ordinal));

        // The same document made right (the text the fixes give, as dotnet format applies them in FormatTests): nothing at
        // all is reported, where the same requests just reported DIALS diagnostics.
        var clean = await document.ReplaceAllAsync(Clean, Answer);
        Assert.Empty(clean.Diagnostics);

        output.WriteLine($"csharp-ls {CsharpLs.Version}, seconds from sending to the pull's answer / to the push:");
        foreach (var (step, diagnosed) in new[] { ("open", opened), ("edit: DIALS100", rateOfFive), ("edit: declaration error", outOfRange), ("edit: clean", clean) })
        {
            output.WriteLine($"  {step}: {diagnosed.ToPull.TotalSeconds:0.00} / {diagnosed.ToPush.TotalSeconds:0.00}");
        }
    }

    public void Dispose() => feed.Dispose();

    private const string Flawed = """
        using System.Text;
        using Dials;

        namespace Consumer;

        [Hyperparameters]
        public partial record Model
        {
            [FloatRange(1e-4, 10, Log = true)] public double LearningRate { get; init; } = 1e-3;
            [FloatRange(1, 10000)] public double Scale { get; init; } = 5;
            [IntRange(10, 100)] public int BatchSize { get; init; } = 50;

            public static int Dimensions => SearchSpace.Dimensions.Count;
        }
        """;

    private const string Clean = """
        using Dials;

        namespace Consumer;

        [Hyperparameters]
        public partial record Model
        {
            [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;
            [FloatRange(1, 10000, Log = true)] public double Scale { get; init; } = 5;
            [PowerOfTwo(8, 128)] public int BatchSize { get; init; } = 64;

            public static int Dimensions => SearchSpace.Dimensions.Count;
        }
        """;

    private static async Task InitializeAsync(LanguageServer server, string root)
    {
        var rootUri = new Uri(root).AbsoluteUri;
        await server.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri,
            workspaceFolders = new[] { new { uri = rootUri, name = "consumer" } },
            // Diagnostics pushed, not pulled: csharp-ls pushes only to a client that does not announce pull support, and
            // the test reads both (a pull after each change, answered whatever the client announced).
            capabilities = new
            {
                workspace = new { configuration = true },
                textDocument = new { publishDiagnostics = new { }, codeAction = new { } },
            },
        }, Answer);
        await server.NotifyAsync("initialized", new { });
    }

    private string CreateConsumer()
    {
        var consumer = feed.CreateConsumer(properties: "<ImplicitUsings>enable</ImplicitUsings>");
        File.WriteAllText(Path.Combine(consumer, "Model.cs"), Clean);

        // The server loads projects as they are on disk and does not restore them; an editor's user has restored.
        var (exit, restoreOutput) = DotnetCli.Run(consumer, "restore");
        Assert.True(exit == 0, restoreOutput);
        return consumer;
    }
}
