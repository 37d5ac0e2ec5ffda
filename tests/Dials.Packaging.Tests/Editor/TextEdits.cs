using System.Text;
using System.Text.Json;

namespace Dials.Packaging.Tests.Editor;

/// <summary>Applies an LSP <c>WorkspaceEdit</c> to one document's text, as an editor does.</summary>
internal static class TextEdits
{
    /// <summary>The text of <paramref name="uri"/> after the edits of <paramref name="workspaceEdit"/> that target it
    /// (its <c>documentChanges</c> or its <c>changes</c>).</summary>
    public static string Apply(string text, string uri, JsonElement workspaceEdit)
    {
        var edits = new List<(int Start, int End, string NewText)>();
        if (workspaceEdit.TryGetProperty("documentChanges", out var documentChanges))
        {
            foreach (var change in documentChanges.EnumerateArray().Where(c => c.GetProperty("textDocument").GetProperty("uri").GetString() == uri))
            {
                edits.AddRange(change.GetProperty("edits").EnumerateArray().Select(e => Read(text, e)));
            }
        }

        if (workspaceEdit.TryGetProperty("changes", out var changes) && changes.TryGetProperty(uri, out var forDocument))
        {
            edits.AddRange(forDocument.EnumerateArray().Select(e => Read(text, e)));
        }

        // LSP edits all refer to the original text and never overlap: applied from the end, earlier offsets stay valid.
        var result = new StringBuilder(text);
        foreach (var (start, end, newText) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(start, end - start).Insert(start, newText);
        }

        return result.ToString();
    }

    /// <summary>The offset in <paramref name="text"/> of an LSP position (zero-based line, UTF-16 character).</summary>
    public static int Offset(string text, int line, int character)
    {
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            Assert.True(offset > 0, $"line {line} is past the end of the text");
        }

        return offset + character;
    }

    private static (int Start, int End, string NewText) Read(string text, JsonElement edit)
    {
        var range = edit.GetProperty("range");
        return (At(text, range.GetProperty("start")), At(text, range.GetProperty("end")), edit.GetProperty("newText").GetString()!);
    }

    private static int At(string text, JsonElement position) =>
        Offset(text, position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());
}
