using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Dials.Options.Tests;

/// <summary>
/// VS Code's JSON language server (<c>vscode-json-language-server</c> from the npm package vscode-langservers-extracted),
/// driven over the Language Server Protocol on stdio as an editor drives it. The package is installed once per machine
/// into a folder under the temporary directory, with the registry npm is configured for.
/// </summary>
internal sealed class JsonLanguageServer : IAsyncDisposable
{
    /// <summary>The package version the tests were written against (the JSON server of VS Code 1.9x).</summary>
    public const string PackageVersion = "4.10.0";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly Channel<JsonObject> incoming = Channel.CreateUnbounded<JsonObject>();
    private readonly Task reading;
    private int nextId;

    private JsonLanguageServer(Process process)
    {
        this.process = process;
        reading = Task.Run(ReadAsync);
    }

    /// <summary>Installs the package when missing, starts the server and initializes it for <paramref name="root"/>.</summary>
    public static async Task<JsonLanguageServer> StartAsync(string root)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Install());
        start.ArgumentList.Add("--stdio");
        var server = new JsonLanguageServer(Process.Start(start)!);
        // handledSchemaProtocols: the server reads file: schemas itself instead of asking the editor for their text.
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["handledSchemaProtocols"] = new JsonArray("file") },
        });
        server.Notify("initialized", new JsonObject());
        return server;
    }

    /// <summary>Opens a document as an editor does when a file is shown.</summary>
    public void Open(string path, string text) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = "json", ["version"] = 1, ["text"] = text },
    });

    /// <summary>The first non-empty diagnostics the server publishes for <paramref name="path"/>.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string path)
    {
        var uri = new Uri(path).AbsoluteUri;
        var message = await WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == uri && m["params"]!["diagnostics"]!.AsArray().Count > 0);
        return message["params"]!["diagnostics"]!.AsArray();
    }

    /// <summary>The labels and documentation of the completions offered at a position (zero-based line and character).</summary>
    public async Task<IReadOnlyList<(string Label, string? Documentation)>> CompleteAsync(string path, int line, int character)
    {
        var result = await RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        });
        var items = result is JsonObject list ? list["items"]!.AsArray() : result!.AsArray();
        return [.. items.Select(i => ((string)i!["label"]!, Documentation(i!["documentation"])))];
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await reading;
        process.Dispose();
    }

    private static string? Documentation(JsonNode? node) => node switch
    {
        null => null,
        JsonObject markup => (string?)markup["value"],
        _ => (string?)node,
    };

    private async Task<JsonNode?> RequestAsync(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var response = await WaitForAsync(m => m["method"] is null && (int?)m["id"] == id);
        Assert.True(response["error"] is null, $"{method} failed: {response["error"]}");
        return response["result"];
    }

    private void Notify(string method, JsonObject parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The next message that matches, answering the server's own requests (configuration, registrations) on the
    /// way as an editor with no settings would.</summary>
    private async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await incoming.Reader.ReadAsync(timeout.Token);
            if (message["method"] is not null && message["id"] is not null)
            {
                var items = message["params"]?["items"]?.AsArray().Count ?? 0;
                JsonNode? result = (string?)message["method"] == "workspace/configuration" ? new JsonArray(new JsonNode?[items]) : null;
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = result });
                continue;
            }

            if (match(message))
            {
                return message;
            }
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var stream = process.StandardInput.BaseStream;
        lock (process)
        {
            stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            stream.Write(body);
            stream.Flush();
        }
    }

    /// <summary>Reads Content-Length framed messages until the server exits.</summary>
    private async Task ReadAsync()
    {
        var stream = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = 0;
                for (var header = await ReadLineAsync(stream); header.Length > 0; header = await ReadLineAsync(stream))
                {
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var body = new byte[length];
                await stream.ReadExactlyAsync(body);
                await incoming.Writer.WriteAsync(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (EndOfStreamException)
        {
            incoming.Writer.TryComplete();
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new EndOfStreamException();
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }

    /// <summary>The server's script, installed with npm on first use.</summary>
    private static string Install()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dials-vscode-langservers-extracted-" + PackageVersion);
        var script = Path.Combine(folder, "node_modules", "vscode-langservers-extracted", "bin", "vscode-json-language-server");
        if (File.Exists(script))
        {
            return script;
        }

        var install = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "install", "--prefix", folder, "--no-audit", "--no-fund", "vscode-langservers-extracted@" + PackageVersion })
        {
            install.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(install)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        npm.WaitForExit();
        Assert.True(npm.ExitCode == 0 && File.Exists(script), $"npm could not install vscode-langservers-extracted: {output.Result}{error.Result}");
        return script;
    }
}
