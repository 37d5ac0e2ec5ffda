namespace Dials.Packaging.Tests.Editor;

/// <summary>
/// A document open in the editor: its text and version as the editor holds them, changed as a user's edits change them
/// and sent to the server as an editor sends them (the changed range only, or the whole text).
/// </summary>
internal sealed class OpenDocument
{
    private readonly LanguageServer server;

    private OpenDocument(LanguageServer server, string uri, string text)
    {
        this.server = server;
        Uri = uri;
        Text = text;
    }

    public string Uri { get; }

    /// <summary>The text as the editor holds it now.</summary>
    public string Text { get; private set; }

    public int Version { get; private set; } = 1;

    /// <summary>Sends <c>didOpen</c> and reads the diagnostics as <see cref="ReplaceAsync"/> does.</summary>
    public static async Task<(OpenDocument Document, Diagnosed Diagnosed)> OpenAsync(LanguageServer server, string path, string text,
        TimeSpan timeout)
    {
        var document = new OpenDocument(server, new Uri(path).AbsoluteUri, text);
        var diagnosed = await document.SendAsync("textDocument/didOpen",
            new { textDocument = new { uri = document.Uri, languageId = "csharp", version = document.Version, text } }, timeout);
        return (document, diagnosed);
    }

    /// <summary>
    /// Replaces the one occurrence of <paramref name="old"/> on <paramref name="line"/> (zero-based) as a typed edit would,
    /// then reads the new diagnostics both ways an editor gets them: a pull right after the edit (as clients that pull do),
    /// and the server's push of the same diagnostics (as clients that listen do).
    /// </summary>
    public Task<Diagnosed> ReplaceAsync(int line, string old, string replacement, TimeSpan timeout)
    {
        var lineStart = TextEdits.Offset(Text, line, 0);
        var lineEnd = Text.IndexOf('\n', lineStart) is var end and >= 0 ? end : Text.Length;
        var character = Text[lineStart..lineEnd].IndexOf(old, StringComparison.Ordinal);
        Assert.True(character >= 0 && Text[lineStart..lineEnd].LastIndexOf(old, StringComparison.Ordinal) == character,
            $"'{old}' is not once on line {line}: {Text[lineStart..lineEnd]}");

        Text = Text.Remove(lineStart + character, old.Length).Insert(lineStart + character, replacement);
        Version++;
        var range = new
        {
            start = new { line, character },
            end = new { line, character = character + old.Length },
        };
        return SendAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = Version },
            contentChanges = new[] { new { range, text = replacement } },
        }, timeout);
    }

    /// <summary>Replaces the whole text and waits as <see cref="ReplaceAsync"/> does.</summary>
    public Task<Diagnosed> ReplaceAllAsync(string text, TimeSpan timeout)
    {
        Text = text;
        Version++;
        return SendAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = Version },
            contentChanges = new[] { new { text } },
        }, timeout);
    }

    /// <summary>The server's diagnostics for the document as it is now (a <c>textDocument/diagnostic</c> pull).</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(TimeSpan timeout)
    {
        var report = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri } }, timeout);
        return LspDiagnostic.ReadAll(report.GetProperty("items"));
    }

    /// <summary>The code actions the server offers for <paramref name="diagnostic"/>, asked as an editor asks when the
    /// cursor is on it: its range, with it as the context.</summary>
    public async Task<IReadOnlyList<System.Text.Json.JsonElement>> CodeActionsAsync(LspDiagnostic diagnostic, TimeSpan timeout)
    {
        var actions = await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = Uri },
            range = diagnostic.Range,
            context = new { diagnostics = new[] { diagnostic.Json } },
        }, timeout);
        return actions.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. actions.EnumerateArray()] : [];
    }

    private async Task<Diagnosed> SendAsync(string method, object parameters, TimeSpan timeout)
    {
        var skip = server.PublishedCount;
        var sent = server.Clock.Elapsed;
        await server.NotifyAsync(method, parameters);

        // The server orders a pull after the change that precedes it, so the pull answers for the new text.
        var pulled = await PullDiagnosticsAsync(timeout);
        var toPull = server.Clock.Elapsed - sent;
        var expected = LspDiagnostic.Ordered(pulled);
        var push = await server.WaitForPublishAsync(Uri, skip, pushed => LspDiagnostic.Ordered(pushed).SequenceEqual(expected), timeout);
        return new Diagnosed(pulled, toPull, push.At - sent);
    }

    /// <summary>The diagnostics of a change, and how long after sending it the pull answered and the push arrived.</summary>
    internal sealed record Diagnosed(IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan ToPull, TimeSpan ToPush);
}
