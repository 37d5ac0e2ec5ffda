namespace Dials.Testing;

/// <summary>The repository's root folder (the one holding Config.sln), found from the test binaries upwards.</summary>
internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Config.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Config.sln not found above the test binaries.");
        }
    }
}
