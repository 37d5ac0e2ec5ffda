using Dials.Storage;

namespace Dials;

/// <summary>Refuses to join a stored study that searches something else: mixing trials of two spaces would feed the
/// sampler points it cannot read, so the mismatch must be an error naming what differs.</summary>
internal static class StoredStudyCheck
{
    public static void ThrowIfDifferent(StoredStudy stored, StoredStudy wanted)
    {
        if (!stored.Directions.SequenceEqual(wanted.Directions))
        {
            throw new ArgumentException(stored.Directions.Count == 1 && wanted.Directions.Count == 1
                ? $"Study '{stored.Name}' is stored with direction {stored.Direction}, not {wanted.Direction}."
                : $"Study '{stored.Name}' is stored with directions [{string.Join(", ", stored.Directions)}], " +
                  $"but the code gives [{string.Join(", ", wanted.Directions)}]: objectives cannot be added, removed or turned around " +
                  "in a stored study (give it another name).", "options");
        }

        // Names given for a study stored without them are allowed (it was stored by an earlier version, or unnamed):
        // only two different lists of names disagree.
        if (stored.ObjectiveNames is { } storedNames && wanted.ObjectiveNames is { } wantedNames
            && !storedNames.SequenceEqual(wantedNames, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Study '{stored.Name}' is stored with objective names [{Objectives.Quoted(storedNames)}], " +
                $"but the code gives [{Objectives.Quoted(wantedNames)}]: objectives cannot be renamed in a stored study " +
                "(give the same names, leave StudyOptions.ObjectiveNames null to use the stored ones, or give the study another name).", "options");
        }

        if (stored.SpaceSignature == wanted.SpaceSignature)
        {
            return;
        }

        // The signature is the canonical document of the code's space (SearchSpace.Signature). A study stored by Dials
        // 0.1.0 holds display lines instead, which are compared with the lines that version wrote for this space.
        var now = SearchSpace.FromSignature(wanted.SpaceSignature).Dimensions;
        var legacy = !SpaceDocument.IsDocument(stored.SpaceSignature);
        if (legacy && stored.SpaceSignature.ReplaceLineEndings("\n").TrimEnd('\n') == LegacySignature.Write(now))
        {
            return;
        }

        IReadOnlyList<Dimension> before;
        try
        {
            before = SearchSpace.FromSignature(stored.SpaceSignature).Dimensions;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new ArgumentException(
                $"Study '{stored.Name}' is stored with a search space this version of Dials cannot read: {exception.Message}", "options", exception);
        }

        throw new ArgumentException(
            $"Study '{stored.Name}' is stored with another search space: {string.Join("; ", Differences(before, now, legacy))}.", "options");
    }

    private static List<string> Differences(IReadOnlyList<Dimension> before, IReadOnlyList<Dimension> now, bool legacy)
    {
        var old = before.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var dimension in now)
        {
            if (!old.TryGetValue(dimension.Name, out var was))
            {
                differences.Add($"'{dimension.Name}' is new");
            }
            else if (was.ToString() != dimension.ToString())
            {
                differences.Add($"'{was}' is now '{dimension}'");
            }
            else if (!legacy && SpaceDocument.Write(was) != SpaceDocument.Write(dimension))
            {
                // The same display text for other values: choices of other types, or strings holding the separators.
                differences.Add($"'{dimension.Name}' reads the same but searches other values: {SpaceDocument.Write(was)} is now {SpaceDocument.Write(dimension)}");
            }
        }

        var names = now.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(before.Where(d => !names.Contains(d.Name)).Select(d => $"'{d.Name}' is gone"));
        if (differences.Count == 0)
        {
            differences.Add("the dimensions are declared in another order");
        }

        return differences;
    }
}
