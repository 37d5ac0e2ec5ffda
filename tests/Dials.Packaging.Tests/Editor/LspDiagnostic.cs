using System.Text.Json;

namespace Dials.Packaging.Tests.Editor;

/// <summary>An LSP diagnostic as the tests read it: its code, where it starts (zero-based line and character), its
/// severity (1 error to 4 hint) and, as sent, the JSON a code-action request hands back to the server.</summary>
internal sealed record LspDiagnostic(string Code, int Line, int Character, int Severity, JsonElement Json)
{
    /// <summary>Reads an LSP <c>Diagnostic[]</c>.</summary>
    public static IReadOnlyList<LspDiagnostic> ReadAll(JsonElement diagnostics) =>
        [.. diagnostics.EnumerateArray().Select(d => new LspDiagnostic(
            d.TryGetProperty("code", out var code) ? code.ToString() : "",
            d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
            d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32(),
            d.TryGetProperty("severity", out var severity) ? severity.GetInt32() : 0,
            d.Clone()))];

    /// <summary>The diagnostics as <c>CODE@line:character</c>, in ordinal order: what the tests compare.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<LspDiagnostic> diagnostics) =>
        [.. diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>Whether this is one of the Dials package's diagnostics (the declaration errors DIALS0xx or the value analyzer's DIALS1xx).</summary>
    public bool IsDials => Code.StartsWith("DIALS", StringComparison.Ordinal);

    /// <summary>The diagnostic's range, as a code-action request names it.</summary>
    public JsonElement Range => Json.GetProperty("range");

    public override string ToString() => $"{Code}@{Line}:{Character}";
}
