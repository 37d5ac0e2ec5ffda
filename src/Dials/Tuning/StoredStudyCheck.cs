using Dials.Storage;

namespace Dials;

/// <summary>Refuses to join a stored study that searches something else: mixing trials of two spaces would feed the
/// sampler points it cannot read, so the mismatch must be an error naming what differs.</summary>
internal static class StoredStudyCheck
{
    public static void ThrowIfDifferent(StoredStudy stored, StoredStudy wanted)
    {
        if (stored.Direction != wanted.Direction)
        {
            throw new ArgumentException(
                $"Study '{stored.Name}' is stored with direction {stored.Direction}, not {wanted.Direction}.", "options");
        }

        if (stored.SpaceSignature == wanted.SpaceSignature)
        {
            return;
        }

        var before = ByName(stored.SpaceSignature);
        var now = ByName(wanted.SpaceSignature);
        var differences = new List<string>();
        foreach (var (name, line) in now)
        {
            differences.Add(!before.TryGetValue(name, out var old) ? $"'{name}' is new"
                : old != line ? $"'{old}' is now '{line}'"
                : "");
        }

        differences.AddRange(before.Keys.Where(name => !now.ContainsKey(name)).Select(name => $"'{name}' is gone"));
        differences.RemoveAll(string.IsNullOrEmpty);
        if (differences.Count == 0)
        {
            differences.Add("the dimensions are declared in another order");
        }

        throw new ArgumentException(
            $"Study '{stored.Name}' is stored with another search space: {string.Join("; ", differences)}.", "options");
    }

    // A signature holds one "Name: shape" line per dimension (see SearchSpace.Signature).
    private static Dictionary<string, string> ByName(string signature) =>
        signature.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => line.Split(": ", 2)[0], line => line, StringComparer.Ordinal);
}
