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

    /// <summary>Sends <c>didOpen</c> and waits for the first diagnostics push that <paramref name="accept"/> accepts.</summary>
    /// <returns>The document and the time from opening it to that push.</returns>
    public static async Task<(OpenDocument Document, TimeSpan Took)> OpenAsync(LanguageServer server, string path, string text,
        Func<IReadOnlyList<LspDiagnostic>, bool> accept, TimeSpan timeout)
    {
        var document = new OpenDocument(server, new Uri(path).AbsoluteUri, text);
        var took = await document.SendAsync("textDocument/didOpen",
            new { textDocument = new { uri = document.Uri, languageId = "csharp", version = document.Version, text } }, accept, timeout);
        return (document, took);
    }

    /// <summary>Replaces the one occurrence of <paramref name="old"/> on <paramref name="line"/> (zero-based) as a typed edit
    /// would, and waits for the first diagnostics push after it that <paramref name="accept"/> accepts.</summary>
    /// <returns>The time from sending the edit to that push.</returns>
    public Task<TimeSpan> ReplaceAsync(int line, string old, string replacement, Func<IReadOnlyList<LspDiagnostic>, bool> accept, TimeSpan timeout)
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
        }, accept, timeout);
    }

    /// <summary>Replaces the whole text and waits as <see cref="ReplaceAsync"/> does.</summary>
    public Task<TimeSpan> ReplaceAllAsync(string text, Func<IReadOnlyList<LspDiagnostic>, bool> accept, TimeSpan timeout)
    {
        Text = text;
        Version++;
        return SendAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = Version },
            contentChanges = new[] { new { text } },
        }, accept, timeout);
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

    private async Task<TimeSpan> SendAsync(string method, object parameters, Func<IReadOnlyList<LspDiagnostic>, bool> accept, TimeSpan timeout)
    {
        var skip = server.PublishedCount;
        var sent = server.Clock.Elapsed;
        await server.NotifyAsync(method, parameters);
        var push = await server.WaitForPublishAsync(Uri, skip, accept, timeout);
        return push.At - sent;
    }
}
