using Dials.Storage;

namespace Dials.Options;

/// <summary>
/// Writes a configuration as a JSON configuration layer in the shape of the hyperparameters' own section
/// (<c>{ "Training": { "LearningRate": 0.003, "Warmup": { "Steps": 200 } } }</c>, the fragment
/// <see cref="ConfigurationJson"/> writes, as <c>dials best</c> prints it), replaced atomically (temp file, then
/// rename) so a reader never sees half a file.
/// </summary>
internal static class TunedConfigurationFile
{
    public static void Write(string path, string sectionPath, SearchSpace space, IReadOnlyDictionary<string, object> values) =>
        AtomicFile.WriteAllText(path, ConfigurationJson.Write(sectionPath, space, values));
}
