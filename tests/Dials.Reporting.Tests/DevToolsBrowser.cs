using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dials.Reporting.Tests;

/// <summary>
/// A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket carrying JSON commands and events), with
/// nothing but the base library: no browser-automation package to install or keep in step with the browser.
/// </summary>
internal sealed class DevToolsBrowser : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly ConcurrentQueue<(string Method, JsonElement Params)> events = new();
    private readonly ConcurrentBag<(string Method, TaskCompletionSource<JsonElement> Done)> waiters = [];
    private readonly StringBuilder log = new();
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private int nextId;

    private DevToolsBrowser(Process process, DirectoryInfo profile) => (this.process, this.profile) = (process, profile);

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<(string Method, JsonElement Params)> Events => [.. events];

    /// <summary>What the browser wrote to stderr, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the browser on a free port and connects to it.</summary>
    public static async Task<DevToolsBrowser> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("dials-chromium-");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--remote-debugging-port=0",
                     $"--user-data-dir={profile.FullName}", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var browser = new DevToolsBrowser(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}."), profile);
        try
        {
            browser.process.ErrorDataReceived += (_, e) => browser.Append(e.Data);
            browser.process.OutputDataReceived += (_, e) => browser.Append(e.Data);
            browser.process.BeginErrorReadLine();
            browser.process.BeginOutputReadLine();
            var endpoint = await browser.ReadEndpointAsync(cancellationToken);
            await browser.socket.ConnectAsync(endpoint, cancellationToken);
            browser.receiving = Task.Run(browser.ReceiveAsync, CancellationToken.None);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command (to a page when <paramref name="sessionId"/> is set) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = done;
        var message = new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new { } };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits for the next event <paramref name="method"/> arriving after this call.</summary>
    public Task<JsonElement> NextEvent(string method)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Add((method, done));
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or not stopping in time: nothing more a test can do.
        }

        socket.Dispose();
        if (receiving is not null)
        {
            await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        process.Dispose();
        stop.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file; the temp directory is cleaned by the system eventually.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    /// <summary>The browser writes its port and endpoint path to DevToolsActivePort in the profile once listening.</summary>
    private async Task<Uri> ReadEndpointAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before listening:\n{Log}");
            }

            if (File.Exists(file))
            {
                var lines = (await File.ReadAllLinesAsync(file, cancellationToken)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2)
                {
                    return new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}");
                }
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The browser went away or the test is over.
        }
        finally
        {
            foreach (var waiting in pending.Values)
            {
                waiting.TrySetException(new InvalidOperationException($"The DevTools connection closed.\n{Log}"));
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && pending.TryRemove(id.GetInt32(), out var done))
        {
            if (message.TryGetProperty("error", out var error))
            {
                done.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            }
            else
            {
                done.TrySetResult(message.GetProperty("result"));
            }

            return;
        }

        if (message.TryGetProperty("method", out var method))
        {
            var name = method.GetString()!;
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            events.Enqueue((name, parameters));
            foreach (var (awaited, waiter) in waiters)
            {
                if (awaited == name)
                {
                    waiter.TrySetResult(parameters);
                }
            }
        }
    }
}
