using System.Data;
using System.Data.Common;
using Dials.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dials.Storage.Sqlite;

/// <summary>
/// A <c>BEGIN IMMEDIATE</c> transaction whose writers first queue on an inter-process lock beside the database
/// (<see cref="InterProcessLock"/>, handed over by the kernel the moment it is released), then take SQLite's write lock,
/// polling it every millisecond or so, instead of through SQLite's busy handler, for writers outside Dials.
/// </summary>
/// <remarks>SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25 ms and more between attempts: fine for rare
/// contention, but several workers writing a few short transactions per trial keep missing the moments the lock is
/// free, and four workers did fewer trials per second than one. (Microsoft.Data.Sqlite, when SQLite reports busy,
/// sleeps 150 ms before trying again.) Queueing on the lock file first cut the CPU four worker processes spent per
/// trial on a trivial objective by a third (docs/benchmarks.md): polling woke waiters that found the lock still taken.
/// Commands run on the connection with no transaction attached
/// (<see cref="IStatementTransaction"/>).</remarks>
internal sealed class ImmediateTransaction : DbTransaction, IStatementTransaction
{
    private const int Busy = 5;
    private const int Locked = 6;
    private readonly SqliteConnection connection;
    private IDisposable? writersLock;
    private bool open;

    private ImmediateTransaction(SqliteConnection connection, IDisposable? writersLock)
    {
        this.connection = connection;
        this.writersLock = writersLock;
        open = true;
    }

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel => IsolationLevel.Serializable;

    /// <inheritdoc />
    protected override DbConnection DbConnection => connection;

    /// <summary>Takes the write lock: first <paramref name="writers"/> (no timeout: its holder is inside a short
    /// transaction, and the kernel releases it if the holder dies), then SQLite's, waiting up to <paramref name="timeout"/>
    /// for connections that do not queue on <paramref name="writers"/>.</summary>
    /// <exception cref="SqliteException">The lock stayed taken (SQLITE_BUSY), or another error.</exception>
    public static ImmediateTransaction Begin(SqliteConnection connection, TimeSpan timeout, InterProcessLock? writers)
    {
        var held = writers?.Acquire();
        var handle = connection.Handle!;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // SQLite's busy handler off while this loop waits, back on for the statements that follow.
        raw.sqlite3_busy_timeout(handle, 0);
        int rc;
        try
        {
            for (var attempt = 0; (rc = raw.sqlite3_exec(handle, "BEGIN IMMEDIATE")) is Busy or Locked && clock.Elapsed < timeout; attempt++)
            {
                // A few yields first: a transaction holds the lock for a fraction of a millisecond.
                if (attempt < 4)
                {
                    Thread.Yield();
                }
                else
                {
                    Thread.Sleep(1);
                }
            }
        }
        finally
        {
            raw.sqlite3_busy_timeout(handle, (int)Math.Min(int.MaxValue, (long)timeout.TotalMilliseconds));
        }

        if (rc != 0)
        {
            held?.Dispose();
        }

        SqliteException.ThrowExceptionForRC(rc, handle);
        return new ImmediateTransaction(connection, held);
    }

    /// <inheritdoc />
    public override void Commit()
    {
        try
        {
            Execute("COMMIT");
        }
        finally
        {
            open = false;
            Release();
        }
    }

    /// <inheritdoc />
    public override void Rollback()
    {
        open = false;
        try
        {
            Execute("ROLLBACK");
        }
        finally
        {
            Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Rolled back unless committed, so the pooled connection never goes back with a transaction open; SQLite may
        // already have rolled it back itself after an error.
        if (disposing && open && raw.sqlite3_get_autocommit(connection.Handle!) == 0)
        {
            Rollback();
        }

        open = false;
        Release();
        base.Dispose(disposing);
    }

    private void Release()
    {
        writersLock?.Dispose();
        writersLock = null;
    }

    private void Execute(string sql) => SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(connection.Handle!, sql), connection.Handle!);
}
