using Dials.Storage;
using Dials.Storage.Postgres;
using Dials.Storage.Sqlite;

namespace Dials.Options;

/// <summary>
/// Opens a study storage from a one-line spec: <c>journal:PATH</c>, <c>sqlite:PATH</c> or
/// <c>sqlite:CONNECTION-STRING</c>, <c>postgres:CONNECTION-STRING</c>. Messages never repeat the spec or any part
/// after the prefix: a connection string may hold a password.
/// </summary>
public static class StorageSpec
{
    private const string Expected = "must be journal:PATH, sqlite:CONNECTION or postgres:CONNECTION (the value is not repeated: it may hold a password).";

    /// <summary>Why a spec cannot be opened (a sentence without the spec itself), or null when it is well formed.</summary>
    /// <param name="spec">The spec.</param>
    public static string? Problem(string spec) => Split(spec) is null ? Expected : null;

    /// <summary>Opens the storage a spec names.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The storage.</returns>
    /// <exception cref="ArgumentException">The spec is malformed, or the storage refused it; the message does not
    /// contain the spec.</exception>
    public static IStudyStorage Open(string spec)
    {
        var (kind, target) = Split(spec) ?? throw new ArgumentException("The storage spec " + Expected, nameof(spec));
        try
        {
            return kind switch
            {
                "journal" => Storage.Storage.JournalFile(target),
                "sqlite" => target.Contains('=') ? new SqliteStorage(target) : SqliteStorage.ForFile(target),
                _ => new PostgresStorage(target),
            };
        }
        catch (ArgumentException exception)
        {
            // The storage's own message may quote the connection string; only its kind is safe to repeat.
            throw new ArgumentException($"The {kind} storage refused its connection settings ({exception.GetType().Name}).", nameof(spec));
        }
    }

    private static (string Kind, string Target)? Split(string spec) => spec.Split(':', 2) switch
    {
        [var kind, { Length: > 0 } target] when kind is "journal" or "sqlite" or "postgres" => (kind, target),
        _ => null,
    };
}
