using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;

namespace Dials.Packaging.Tests.Editor;

/// <summary>
/// The client side of a language server that runs as its own process and speaks the Language Server Protocol on stdio
/// (JSON-RPC with Content-Length headers), as an editor runs it: requests and notifications go out, the server's
/// diagnostics pushes are kept with the time they arrived, and its <c>workspace/configuration</c> questions are answered
/// from the settings given at start.
/// </summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly JsonRpc rpc;
    private readonly StringBuilder serverLog = new();
    private readonly Lock gate = new();
    private readonly List<Published> published = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LanguageServer(Process process, JsonElement settings)
    {
        this.process = process;
        Settings = settings;
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginErrorReadLine();

        var formatter = new SystemTextJsonFormatter();
        rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
        rpc.AddLocalRpcTarget(new ClientEndpoint(this), null);
        rpc.StartListening();
    }

    /// <summary>What the server answers for the <c>csharp</c> section of its configuration.</summary>
    public JsonElement Settings { get; }

    /// <summary>A clock started with the server: the times of pushes and of the test's own steps are read from it.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>What the server wrote to standard error and through <c>window/logMessage</c>, for failure messages.</summary>
    public string ServerLog
    {
        get
        {
            lock (gate)
            {
                return serverLog.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="executable"/> in <paramref name="root"/> (the folder it loads its projects from).</summary>
    /// <param name="settings">The <c>csharp</c> configuration section the server is given when it asks.</param>
    public static LanguageServer Start(string executable, string root, object settings)
    {
        var start = DotnetCli.StartInfo(executable, root);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return new LanguageServer(Process.Start(start)!, JsonSerializer.SerializeToElement(settings));
    }

    /// <summary>Sends a request and returns its result.</summary>
    public async Task<JsonElement> RequestAsync(string method, object parameters, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancel.Token);
    }

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, object parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>How many diagnostics pushes have arrived so far; a wait after an edit passes this to skip older ones.</summary>
    public int PublishedCount
    {
        get
        {
            lock (gate)
            {
                return published.Count;
            }
        }
    }

    /// <summary>
    /// The first diagnostics push for <paramref name="uri"/> after the first <paramref name="skip"/> pushes that
    /// <paramref name="accept"/> accepts, with the clock time it arrived; fails after <paramref name="timeout"/>,
    /// listing what did arrive.
    /// </summary>
    public async Task<Published> WaitForPublishAsync(string uri, int skip, Func<IReadOnlyList<LspDiagnostic>, bool> accept, TimeSpan timeout)
    {
        var deadline = Clock.Elapsed + timeout;
        while (true)
        {
            Task next;
            lock (gate)
            {
                var match = published.Skip(skip).FirstOrDefault(p => p.Uri == uri && accept(p.Diagnostics));
                if (match is not null)
                {
                    return match;
                }

                next = arrived.Task;
            }

            var left = deadline - Clock.Elapsed;
            if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next)
            {
                string seen;
                lock (gate)
                {
                    seen = string.Join("\n", published.Skip(skip).Select(p => $"{p.At}: {p.Uri} [{string.Join(", ", p.Diagnostics)}]"));
                }

                Assert.Fail($"No matching diagnostics for {uri} within {timeout}. Pushes seen:\n{seen}\nServer log:\n{ServerLog}");
            }
        }
    }

    /// <summary>Asks for shutdown and exit, then ends the process if it has not ended by itself.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await rpc.InvokeWithCancellationAsync<JsonElement?>("shutdown", [], cancel.Token);
                await rpc.NotifyAsync("exit");
                await process.WaitForExitAsync(cancel.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RemoteInvocationException or ConnectionLostException or IOException)
        {
            // A server that does not shut down cleanly is ended below; the test's assertions are already made.
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            rpc.Dispose();
            process.Dispose();
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (gate)
            {
                serverLog.AppendLine(line);
            }
        }
    }

    private void Publish(string uri, IReadOnlyList<LspDiagnostic> diagnostics)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            published.Add(new Published(uri, diagnostics, Clock.Elapsed));
            signal = arrived;
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.SetResult();
    }

    /// <summary>One <c>textDocument/publishDiagnostics</c> and when it arrived.</summary>
    internal sealed record Published(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan At);

    /// <summary>The methods the server calls on the client.</summary>
    private sealed class ClientEndpoint(LanguageServer server)
    {
        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public JsonElement?[] Configuration(JsonElement parameters) =>
            [.. parameters.GetProperty("items").EnumerateArray().Select(item =>
                item.TryGetProperty("section", out var section) && section.GetString() == "csharp" ? server.Settings : (JsonElement?)null)];

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement parameters) =>
            server.Publish(parameters.GetProperty("uri").GetString()!, LspDiagnostic.ReadAll(parameters.GetProperty("diagnostics")));

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement parameters) => server.Log(parameters.GetProperty("message").GetString());
    }
}
