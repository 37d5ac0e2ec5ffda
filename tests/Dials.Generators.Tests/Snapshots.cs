using System.Runtime.CompilerServices;
using Dials.Testing;
using Snapshooter;
using Snapshooter.Xunit;

namespace Dials.Generators.Tests;

/// <summary>Snapshot assertions against the committed files in this project's <c>__snapshots__</c> folder, found from
/// the repository root. Snapshooter would otherwise look beside the test's source path as the compiler recorded it,
/// which a CI build maps to <c>/_/</c> (deterministic paths): there it finds no snapshot and writes a new one, so the
/// test would pass without comparing. CI also sets SNAPSHOOTER_STRICT_MODE, so a missing snapshot fails there.</summary>
internal static class Snapshots
{
    // Snapshooter keeps the files in a __snapshots__ folder below the one given.
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "Dials.Generators.Tests");

    /// <summary>Asserts <paramref name="value"/> equals the snapshot named after the calling test
    /// (<c>CLASS.TEST.snap</c>).</summary>
    public static void Match<T>(T value, [CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        Snapshot.Match(value, new SnapshotFullName($"{Path.GetFileNameWithoutExtension(file)}.{test}.snap", Folder));
}
