using System.Diagnostics;

namespace Dials.Storage.Sql.Tests;

/// <summary>
/// A PostgreSQL server of the restart test's own, started by <c>.ci/postgres</c> in a data directory apart from the
/// one <c>DIALS_POSTGRES</c> names, so stopping it never disturbs the tests running beside it. <c>.ci/postgres</c>
/// reuses the directory and port on later runs, and starts the server again when it was stopped.
/// </summary>
internal sealed class RestartablePostgres
{
    /// <summary>Overrides where the restart test's server keeps its data (default /tmp/dials-postgres-restart).</summary>
    public const string DirectoryVariable = "DIALS_POSTGRES_RESTART_DIR";

    private readonly string script;
    private readonly string dataDirectory;

    public RestartablePostgres()
    {
        script = FindScript();
        dataDirectory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory
            ? directory
            : Path.Combine(Path.GetTempPath(), "dials-postgres-restart");
        ConnectionString = Start();
    }

    /// <summary>The connection string <c>.ci/postgres</c> printed.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts the server (again), waiting until it accepts connections; returns its connection string.</summary>
    public string Start() => Run("bash", script).Trim();

    /// <summary>Stops the server the way an administrator restarting it does (<c>pg_ctl stop -m fast</c>): every session
    /// is ended, and connections are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).Where(File.Exists)
            .OrderBy(p => p, StringComparer.Ordinal).Last();
        string[] stop = [pgCtl, "stop", "-m", "fast", "-w", "-D", dataDirectory];
        // The server refuses to run as root, so .ci/postgres runs it as the postgres account; so must pg_ctl.
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", .. stop]);
        }
        else
        {
            Run(stop[0], stop[1..]);
        }
    }

    private string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DIALS_POSTGRES_DIR"] = dataDirectory;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".ci", "postgres");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The restart test needs the repository's .ci/postgres script, found above the test binaries.");
    }
}
