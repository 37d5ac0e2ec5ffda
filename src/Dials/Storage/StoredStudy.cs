namespace Dials.Storage;

/// <summary>What a storage keeps about a study itself, so that workers joining it can check they search the same
/// space in the same direction.</summary>
/// <param name="Name">The study's name, unique in its storage.</param>
/// <param name="Direction">Whether smaller or larger objective values are better.</param>
/// <param name="SpaceSignature">The search space's <see cref="SearchSpace.Signature"/> (a versioned JSON document; the
/// display lines of Dials 0.1.0 in a study stored by that version).</param>
public sealed record StoredStudy(string Name, Direction Direction, string SpaceSignature);
