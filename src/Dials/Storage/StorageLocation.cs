using System.Data.Common;

namespace Dials.Storage;

/// <summary>
/// Where a study is stored, parsed from a one-line spec: the single reading of <c>journal:PATH</c>,
/// <c>sqlite:PATH</c>, <c>sqlite:CONNECTION-STRING</c>, <c>postgres:CONNECTION-STRING</c> and a bare journal path that
/// the options binding, the <c>dials</c> command and the samples share, so a spec means the same everywhere.
/// </summary>
/// <remarks>
/// <para>Telling a prefix from a path: the text before the first <c>:</c> is a prefix when it is two or more ASCII
/// letters, digits, <c>+</c>, <c>-</c> or <c>.</c> starting with a letter (the shape of a URI scheme). So
/// <c>C:\runs\a.journal</c> (one letter: a Windows drive), <c>./a:b.journal</c> and <c>/data/a:b</c> are bare journal
/// paths, while <c>sqllite:a.db</c> or <c>postgresql://...</c> is an unknown prefix and an error that names it, rather
/// than a journal file of that odd name. A journal whose path starts with such a word and a colon is written
/// <c>journal:word:rest</c> or <c>./word:rest</c>. Known prefixes are matched ignoring case.</para>
/// <para>A connection string may hold a password, so <see cref="ToString"/> and every message this type produces
/// never show the connection string's secrets (password-like keys are masked), and the spec itself is never quoted in
/// an error. <see cref="Target"/> holds the text as given and is for the code that opens the storage only.</para>
/// <para>Opening is not done here: <see cref="StudyStorageOpeners"/> opens a location with the opener its back end's
/// package registered (the core cannot reference the SQLite and PostgreSQL drivers).</para>
/// </remarks>
public sealed class StorageLocation
{
    private static readonly string[] Secrets = ["password", "pwd", "secret", "token", "key"];

    private StorageLocation(StorageKind kind, string target, string? filePath)
    {
        Kind = kind;
        Target = target;
        FilePath = filePath;
    }

    /// <summary>The kind of back end.</summary>
    public StorageKind Kind { get; }

    /// <summary>What follows the prefix, as given: a file path or a connection string, which may hold a password.
    /// Never print it; print the location itself (<see cref="ToString"/>).</summary>
    public string Target { get; }

    /// <summary>The file a journal or SQLite location keeps its studies in, as given (not made absolute); null for
    /// PostgreSQL and for a SQLite connection string that names no file or an in-memory database.</summary>
    public string? FilePath { get; }

    /// <summary>Parses a spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentException">The spec is empty, has an unknown prefix (named in the message) or nothing
    /// after its prefix; the message never repeats the spec.</exception>
    public static StorageLocation Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryParse(spec, out var location, out var problem) ? location : throw new ArgumentException(problem, nameof(spec));
    }

    /// <summary>Parses a spec without throwing.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="location">The location, when the spec is well formed.</param>
    /// <param name="problem">Why it is not (a sentence that never repeats the spec), when it is not.</param>
    /// <returns>Whether the spec is well formed.</returns>
    public static bool TryParse(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StorageLocation? location,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        location = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(spec))
        {
            problem = "The storage spec is empty: give journal:PATH, sqlite:PATH, sqlite:CONNECTION-STRING, postgres:CONNECTION-STRING or a journal file path.";
            return false;
        }

        if (PrefixOf(spec) is not { } prefix)
        {
            location = new StorageLocation(StorageKind.Journal, spec, spec);
            return true;
        }

        var target = spec[(prefix.Length + 1)..];
        StorageKind? kind = prefix.ToLowerInvariant() switch
        {
            "journal" => StorageKind.Journal,
            "sqlite" => StorageKind.Sqlite,
            "postgres" => StorageKind.Postgres,
            _ => null,
        };
        if (kind is not { } known)
        {
            problem = $"Unknown storage prefix '{prefix}:'{Suggestion(prefix)}; the prefixes are journal:, sqlite: and postgres: (a journal path that starts with a word and a colon is written journal:PATH).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            problem = $"The storage spec '{prefix}:' names nothing after its prefix.";
            return false;
        }

        var file = known switch
        {
            StorageKind.Journal => target,
            StorageKind.Sqlite when !target.Contains('=') => target,
            StorageKind.Sqlite => SqliteFileOf(target),
            _ => null,
        };
        location = new StorageLocation(known, target, file);
        return true;
    }

    /// <summary>The location with any secret masked: <c>journal:PATH</c>, <c>sqlite:PATH</c>, or the prefix and the
    /// connection string with password-like values replaced by <c>***</c>.</summary>
    public override string ToString() => Kind switch
    {
        StorageKind.Journal => "journal:" + Target,
        StorageKind.Sqlite when !Target.Contains('=') => "sqlite:" + Target,
        StorageKind.Sqlite => "sqlite:" + Redacted(Target),
        _ => "postgres:" + Redacted(Target),
    };

    /// <summary>The prefix of a spec by the rule in the remarks, or null for a bare path.</summary>
    private static string? PrefixOf(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(spec[0]))
        {
            return null;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(spec[i]) && spec[i] is not ('+' or '-' or '.'))
            {
                return null;
            }
        }

        return spec[..colon];
    }

    /// <summary>" (did you mean 'sqlite:'?)" for a prefix within two edits of a known one, otherwise nothing.</summary>
    private static string Suggestion(string prefix)
    {
        foreach (var known in (ReadOnlySpan<string>)["journal", "sqlite", "postgres"])
        {
            if (Distance(prefix.ToLowerInvariant(), known) <= 2 || prefix.StartsWith(known, StringComparison.OrdinalIgnoreCase))
            {
                return $" (did you mean '{known}:'?)";
            }
        }

        return "";
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static DbConnectionStringBuilder? Builder(string connectionString)
    {
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return null; // Malformed: the storage itself refuses it, without repeating it.
        }
    }

    private static string? SqliteFileOf(string connectionString)
    {
        if (Builder(connectionString) is not { } builder
            || (builder.TryGetValue("Mode", out var mode) && string.Equals(mode?.ToString(), "Memory", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        foreach (var key in (ReadOnlySpan<string>)["Data Source", "DataSource", "Filename"])
        {
            if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } source && source != ":memory:")
            {
                return source;
            }
        }

        return null;
    }

    private static string Redacted(string connectionString)
    {
        if (Builder(connectionString) is not { } builder)
        {
            return "(a connection string that cannot be read; not shown)";
        }

        foreach (var key in builder.Keys.Cast<string>().ToArray())
        {
            if (Secrets.Any(secret => key.Contains(secret, StringComparison.OrdinalIgnoreCase)))
            {
                builder[key] = "***";
            }
        }

        return builder.ConnectionString;
    }
}
