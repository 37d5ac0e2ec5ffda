using Microsoft.Extensions.FileProviders;

// Microsoft.Extensions convention: configuration source extensions live where IConfigurationBuilder does.
namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the tuned hyperparameters file as a configuration layer.</summary>
public static class TunedConfigurationExtensions
{
    /// <summary>
    /// Adds the JSON file a hosted study writes at <c>Tuning:Output</c> as a configuration layer over the ones added
    /// before it: optional (absent until the first complete trial) and reloaded on change, so
    /// <c>IOptionsMonitor&lt;T&gt;</c> sees every better configuration live and after restarts.
    /// </summary>
    /// <param name="builder">The configuration builder; add this after appsettings.json so tuned values win.</param>
    /// <param name="path">The file, the same as <c>Tuning:Output</c>; relative to the current directory.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddTunedHyperparameters(this IConfigurationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;

        // The directory must exist to be watched; the file itself appears with the first complete trial.
        Directory.CreateDirectory(directory);
        return builder.AddJsonFile(new PhysicalFileProvider(directory), Path.GetFileName(full), optional: true, reloadOnChange: true);
    }
}
