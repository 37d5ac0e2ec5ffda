using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dials.Storage.Sql.Tests;

/// <summary>
/// A TCP relay between the storage and a PostgreSQL server that can lose what a real network loses: the
/// acknowledgement of a COMMIT the server has carried out (<see cref="LoseNextCommitAcknowledgement"/>), or every
/// connection for a while (<see cref="Refuse"/>).
/// </summary>
internal sealed class FaultyProxy : IDisposable
{
    private static readonly byte[] Commit = Encoding.ASCII.GetBytes("COMMIT");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string server;
    private readonly int serverPort;
    private readonly CancellationTokenSource stop = new();
    private volatile bool loseNextCommit;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Link, bool> links = new();
    private volatile bool refuse;

    public FaultyProxy(string host, int port)
    {
        server = host;
        serverPort = port;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many COMMIT acknowledgements were dropped.</summary>
    public int LostAcknowledgements { get; private set; }

    /// <summary>The next COMMIT a client sends reaches the server, which commits, but the connection then breaks before
    /// the client hears back: the client cannot tell whether its transaction committed.</summary>
    public void LoseNextCommitAcknowledgement() => loseNextCommit = true;

    /// <summary>While set, the connections open are broken and every new one is closed at once, as if the server were
    /// down.</summary>
    public void Refuse(bool value)
    {
        refuse = value;
        if (value)
        {
            foreach (var link in links.Keys)
            {
                link.Cut.Cancel();
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (refuse)
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        using (client)
        {
            await upstream.ConnectAsync(server, serverPort);
            var link = new Link();
            links[link] = true;
            var fromServer = Pump(upstream.GetStream(), client.GetStream(), fromClient: false, link);
            var fromClient = Pump(client.GetStream(), upstream.GetStream(), fromClient: true, link);
            await Task.WhenAny(fromServer, fromClient);
            links.TryRemove(link, out _);
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, bool fromClient, Link link)
    {
        var cut = link.Cut;
        var buffer = new byte[64 * 1024];
        try
        {
            while (!cut.IsCancellationRequested && await from.ReadAsync(buffer, cut.Token) is var read and > 0)
            {
                var losing = fromClient && loseNextCommit && buffer.AsSpan(0, read).IndexOf(Commit) >= 0;
                if (losing)
                {
                    loseNextCommit = false;
                    LostAcknowledgements++;
                    link.Mute = true;
                }

                if (fromClient || !link.Mute)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), cut.Token);
                }

                if (losing)
                {
                    // Give the server time to commit, and drop everything it answers, then break both connections.
                    await Task.Delay(300);
                    await cut.CancelAsync();
                }
            }
        }
        catch (Exception) when (cut.IsCancellationRequested || stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One relayed connection: muted once a COMMIT's answer is to be lost, then cut.</summary>
    private sealed class Link
    {
        public CancellationTokenSource Cut { get; } = new();

        public bool Mute { get; set; }
    }
}
